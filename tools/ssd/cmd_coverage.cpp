// ssd coverage: what an instrument's file encodes, provision by provision — a computed
// requirement, an attested one, or a provision not encoded and why — and the paragraphs the file
// does not mention at all.
#include <algorithm>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>

#include <fmt/format.h>

#include "commands.h"
#include "output.h"
#include "library.h"
#include "ssd/internal/text.h"
#include "rule_order.h"

namespace ssd::cli {

namespace {

struct CoverageOptions {
  std::vector<std::string> targets;  // instrument ids or .ssd files
  std::string standards;
  bool all = false;
  bool markdown = false;
  bool strict = false;
};

struct Row {
  std::string rule, kind, text;
};

struct Totals {
  int computed = 0, attested = 0, not_encoded = 0, to_do = 0;
  std::vector<int> gaps;
};

Totals coverage(const Program& p, std::vector<Row>* rows) {
  Totals t;
  std::vector<Row> out;
  std::set<int> paragraphs;
  auto note_paragraph = [&](const std::string& rule) {
    if (rule.empty() || rule.rfind("app", 0) == 0) return;
    paragraphs.insert(std::atoi(rule.c_str()));
  };
  for (const Requirement& r : p.requirements) {
    (r.attested ? t.attested : t.computed)++;
    out.push_back({r.rule, r.attested ? "attested" : "computed",
                   r.description_kk.empty() ? r.name : r.description_kk});
    note_paragraph(r.rule);
  }
  // A provision with requirements is counted by them; one without says why it is not encoded,
  // or is marked as work still to do (its text shown, to say which).
  for (const Provision& v : p.provisions) {
    if (v.to_do) {
      ++t.to_do;
      out.push_back({v.rule, "to do", v.text});
    } else if (!v.reason.empty()) {
      ++t.not_encoded;
      out.push_back({v.rule, "not encoded", v.reason});
    } else {
      continue;
    }
    note_paragraph(v.rule);
  }
  // Paragraphs an enumeration's members cite (the categories of para 2, ...) are encoded too.
  for (const EnumDef& e : p.enums)
    for (const EnumMember& m : e.members) note_paragraph(m.rule);
  if (!paragraphs.empty())
    for (int n = 1; n < *paragraphs.rbegin(); ++n)
      if (!paragraphs.count(n)) t.gaps.push_back(n);
  std::stable_sort(out.begin(), out.end(), [](const Row& a, const Row& b) { return rule_order(a.rule) < rule_order(b.rule); });
  if (rows) *rows = std::move(out);
  return t;
}

std::string gaps_text(const std::vector<int>& gaps) {
  std::string out;
  for (size_t i = 0; i < gaps.size();) {
    size_t j = i;
    while (j + 1 < gaps.size() && gaps[j + 1] == gaps[j] + 1) ++j;
    if (!out.empty()) out += ", ";
    out += j == i ? std::to_string(gaps[i]) : fmt::format("{}–{}", gaps[i], gaps[j]);
    i = j + 1;
  }
  return out;
}

void print_instrument(const Program& p) {
  std::vector<Row> rows;
  const Totals t = coverage(p, &rows);
  std::string out = fmt::format("{} — {}\n", p.instrument.id, p.instrument.title);
  if (!p.instrument.partial.empty()) out += "  ішінара: " + p.instrument.partial + "\n";
  for (const std::string& note : p.instrument.notes) out += "  ескертпе: " + note + "\n";
  for (const Row& r : rows) out += fmt::format("  § {:<10} {:<12} {}\n", r.rule, r.kind, printable(r.text, 90));
  out += fmt::format("  computed {}, attested {}, not encoded {}", t.computed, t.attested, t.not_encoded);
  if (t.to_do) out += fmt::format(", to do {}", t.to_do);
  if (!t.gaps.empty()) out += "; paragraphs the file does not mention: " + gaps_text(t.gaps);
  write_out(out + "\n\n");
}

int run_coverage(const CoverageOptions& o) {
  Library library;
  std::vector<std::shared_ptr<const Program>> programs;
  std::vector<std::string> ids;
  for (const std::string& target : o.targets) {
    if (std::filesystem::path(target).extension() == ".ssd") {
      CompileResult result;
      const std::optional<std::vector<std::string>> files = companions(target, folder_of(target, o.standards));
      if (!files || !compile_together(*files, Lang::Kk, result)) return kCannotRun;
      std::error_code ec;
      for (auto& in : result.instruments)
        if (std::filesystem::weakly_canonical(in.program.source_name, ec) == std::filesystem::weakly_canonical(target, ec))
          programs.push_back(std::make_shared<const Program>(in.program));
    } else {
      ids.push_back(target);
    }
  }
  if (!ids.empty() || o.all) {
    if (!load_library(standards_dir(o.standards), Lang::Kk, library)) return kCannotRun;
    for (const std::string& id : ids) {
      auto it = std::find_if(library.programs.begin(), library.programs.end(),
                             [&](const auto& p) { return p->instrument.id == id; });
      if (it == library.programs.end()) {
        std::cerr << "ssd: no instrument " << id << " in " << standards_dir(o.standards) << "\n";
        return kCannotRun;
      }
      programs.push_back(*it);
    }
    if (o.all) programs.insert(programs.end(), library.programs.begin(), library.programs.end());
  }
  if (o.markdown) {
    std::string table =
        "| instrument | computed | attested | not encoded (with reason) | paragraphs not in the file |\n"
        "|---|---:|---:|---:|---|\n";
    // A partial instrument's missing paragraphs are the ones the corpus lacks.
    Totals sum;
    for (const auto& p : programs) {
      const Totals t = coverage(*p, nullptr);
      sum.computed += t.computed, sum.attested += t.attested, sum.not_encoded += t.not_encoded;
      table += fmt::format("| `{}` | {} | {} | {} | {}{} |\n", p->instrument.id, t.computed, t.attested,
                           t.not_encoded, t.gaps.empty() ? "—" : gaps_text(t.gaps),
                           t.gaps.empty() || p->instrument.partial.empty() ? "" : " (not in the corpus)");
    }
    write_out(table + fmt::format("| all | {} | {} | {} | |\n", sum.computed, sum.attested, sum.not_encoded));
    return kOk;
  }
  for (const auto& p : programs) print_instrument(*p);
  if (!o.strict) return kOk;
  // Strict: a paragraph of a complete instrument that the file does not mention is a gap.
  int gaps = 0;
  for (const auto& p : programs) {
    const Totals t = coverage(*p, nullptr);
    if (t.gaps.empty() || !p->instrument.partial.empty()) continue;
    ++gaps;
    std::cerr << "ssd: " << p->instrument.id << ": paragraphs neither encoded nor explained: " << gaps_text(t.gaps) << "\n";
  }
  return gaps ? kFindings : kOk;
}

}  // namespace

Command add_coverage(CLI::App& app) {
  auto o = std::make_shared<CoverageOptions>();
  CLI::App* cmd = app.add_subcommand(
      "coverage",
      "What an instrument encodes, provision by provision: computed requirements (checked from\n"
      "case records), attested ones (an inspector's answer), provisions not encoded and why,\n"
      "provisions still to encode (әлі_кодталмаған, as ssd import leaves them), and paragraph\n"
      "numbers the file does not mention at all.\n"
      "  ssd coverage edu-org\n"
      "  ssd coverage standards/edu-org.ssd\n"
      "  ssd coverage --all --markdown        the summary table of standards/README.md");
  cmd->add_option("targets", o->targets, "instrument ids (from the standards folder) or .ssd files");
  cmd->add_option("--standards", o->standards, "folder of .ssd standards");
  cmd->add_flag("--all", o->all, "every instrument of the standards folder");
  cmd->add_flag("--markdown", o->markdown, "totals only, as a Markdown table");
  cmd->add_flag("--strict", o->strict,
                "exit 1 when an instrument not marked ішінара leaves a paragraph neither encoded nor explained");
  return [o] { return run_coverage(*o); };
}

}  // namespace ssd::cli
