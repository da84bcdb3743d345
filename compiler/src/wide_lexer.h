// ANTLR's lexer keeps the transitions of its DFA only for characters up to U+007F: every other
// character — all of Kazakh — is matched by simulating the ATN again, each time it is read, which
// was most of the time compiling the standards took. WideLexerSimulator keeps the transitions of
// every character, in one DFA shared by the lexers of a grammar on one thread.
#pragma once

#include <antlr4-runtime.h>

namespace ssd {

class WideLexerSimulator : public antlr4::atn::LexerATNSimulator {
 public:
  // Gives `lexer` a WideLexerSimulator in place of the one it was built with.
  static void install(antlr4::Lexer& lexer);

 protected:
  using LexerATNSimulator::addDFAEdge;
  antlr4::dfa::DFAState* getExistingTargetState(antlr4::dfa::DFAState* state, size_t symbol) override;
  void addDFAEdge(antlr4::dfa::DFAState* from, size_t symbol, antlr4::dfa::DFAState* to) override;

 private:
  WideLexerSimulator(antlr4::Lexer& lexer, std::vector<antlr4::dfa::DFA>& dfa,
                     antlr4::atn::PredictionContextCache& cache)
      : LexerATNSimulator(&lexer, lexer.getATN(), dfa, cache) {}
};

}  // namespace ssd
