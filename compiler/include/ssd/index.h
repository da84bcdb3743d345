// The names of a compilation: what each is, where it is declared and where it is used, and each
// file's outline of provisions and requirements. What an editor shows (ssd lsp).
#pragma once

#include <map>
#include <string>
#include <vector>

#include "ssd/source.h"

namespace ssd {

enum class SymbolKind { Instrument, Order, Provision, Requirement, Enumeration, Member, Field, Mapping, Definition };

struct IndexedSymbol {
  SymbolKind kind;
  std::string name;        // as written: a field's path, a member's name; a provision as "§ 5.1"
  std::string instrument;  // the instrument it belongs to; "" for the prelude's (every instrument's)
  std::string file;        // where it is declared
  Range range;             // its name there
  std::string detail;      // one line: a field's type and JSON path, a member's code, a mapping's enumerations
  std::string text{};      // a provision's law text; a requirement's description; a member's label
  std::string text_en{};   // a requirement's English description
  std::string law{};       // a requirement's provision: its citation and law text
  std::vector<std::string> acts{};  // a provision: the amending orders that word it
};

struct Occurrence {
  std::string file;
  Range range;
  int symbol;  // in SourceIndex::symbols
  bool declaration;
};

struct OutlineItem {
  SymbolKind kind;
  std::string name;    // "тармақ 5", "жатын_бөлме"
  std::string detail;  // the first words of the law's text; a requirement's description
  Range range;         // all of it
  Range selection;     // its keyword and number, or its name
  std::vector<OutlineItem> children;
};

struct SourceIndex {
  std::vector<IndexedSymbol> symbols;
  std::vector<Occurrence> occurrences;  // the declarations too
  std::map<std::string, std::vector<OutlineItem>> outlines;  // by file

  // The occurrence at a place (1-based line, 0-based column in code points), the innermost.
  const Occurrence* at(const std::string& file, int line, int column) const;
  std::vector<const Occurrence*> of(int symbol) const;
  // The instrument whose text holds the place, or "" (one order may change several: the section's).
  std::string instrument_at(const std::string& file, int line) const;
  // Line spans of instruments and orders' sections, by file: (first line, last line, instrument).
  std::map<std::string, std::vector<std::tuple<int, int, std::string>>> spans;
};

}  // namespace ssd
