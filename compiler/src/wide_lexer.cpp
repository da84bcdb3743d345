#include "wide_lexer.h"

#include <map>
#include <memory>

namespace ssd {

namespace {

// The DFA of one grammar's lexer, built on first use and kept for the thread: its edges are read
// for every character, and a DFA of its own spares each thread a lock.
struct SharedDfa {
  std::vector<antlr4::dfa::DFA> decisions;
  antlr4::atn::PredictionContextCache cache;

  explicit SharedDfa(const antlr4::atn::ATN& atn) {
    for (size_t i = 0; i < atn.getNumberOfDecisions(); ++i) decisions.emplace_back(atn.getDecisionState(i), i);
  }
};

SharedDfa& shared_dfa(const antlr4::atn::ATN& atn) {
  thread_local std::map<const antlr4::atn::ATN*, std::unique_ptr<SharedDfa>> by_grammar;
  std::unique_ptr<SharedDfa>& dfa = by_grammar[&atn];
  if (!dfa) dfa = std::make_unique<SharedDfa>(atn);
  return *dfa;
}

}  // namespace

void WideLexerSimulator::install(antlr4::Lexer& lexer) {
  SharedDfa& dfa = shared_dfa(lexer.getATN());
  lexer.setInterpreter(new WideLexerSimulator(lexer, dfa.decisions, dfa.cache));  // deletes the old one
}

// The edges are a map keyed by the character: any character has its place. The DFA is the
// thread's own: no lock.
antlr4::dfa::DFAState* WideLexerSimulator::getExistingTargetState(antlr4::dfa::DFAState* state, size_t symbol) {
  const auto it = state->edges.find(symbol - MIN_DFA_EDGE);
  return it == state->edges.end() ? nullptr : it->second;
}

void WideLexerSimulator::addDFAEdge(antlr4::dfa::DFAState* from, size_t symbol, antlr4::dfa::DFAState* to) {
  from->edges[symbol - MIN_DFA_EDGE] = to;
}

}  // namespace ssd
