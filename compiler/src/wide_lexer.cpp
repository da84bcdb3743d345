#include "wide_lexer.h"

#include <map>
#include <memory>
#include <mutex>

namespace ssd {

namespace {

// The DFA of one grammar's lexer, built on first use and kept for the process.
struct SharedDfa {
  std::vector<antlr4::dfa::DFA> decisions;
  antlr4::atn::PredictionContextCache cache;

  explicit SharedDfa(const antlr4::atn::ATN& atn) {
    for (size_t i = 0; i < atn.getNumberOfDecisions(); ++i) decisions.emplace_back(atn.getDecisionState(i), i);
  }
};

SharedDfa& shared_dfa(const antlr4::atn::ATN& atn) {
  static std::mutex lock;
  static std::map<const antlr4::atn::ATN*, std::unique_ptr<SharedDfa>> by_grammar;
  const std::lock_guard<std::mutex> guard(lock);
  std::unique_ptr<SharedDfa>& dfa = by_grammar[&atn];
  if (!dfa) dfa = std::make_unique<SharedDfa>(atn);
  return *dfa;
}

}  // namespace

void WideLexerSimulator::install(antlr4::Lexer& lexer) {
  SharedDfa& dfa = shared_dfa(lexer.getATN());
  lexer.setInterpreter(new WideLexerSimulator(lexer, dfa.decisions, dfa.cache));  // deletes the old one
}

// The edges are a map keyed by the character: any character has its place, under the lock the
// base class takes for the edges it keeps.
antlr4::dfa::DFAState* WideLexerSimulator::getExistingTargetState(antlr4::dfa::DFAState* state, size_t symbol) {
  _edgeLock.readLock();
  const auto it = state->edges.find(symbol - MIN_DFA_EDGE);
  antlr4::dfa::DFAState* target = it == state->edges.end() ? nullptr : it->second;
  _edgeLock.readUnlock();
  return target;
}

void WideLexerSimulator::addDFAEdge(antlr4::dfa::DFAState* from, size_t symbol, antlr4::dfa::DFAState* to) {
  _edgeLock.writeLock();
  from->edges[symbol - MIN_DFA_EDGE] = to;
  _edgeLock.writeUnlock();
}

}  // namespace ssd
