#include "ast.h"

namespace ssd::ast {

const char* to_string(BinOp op) {
  switch (op) {
    case BinOp::And: return "және";
    case BinOp::Or: return "немесе";
    case BinOp::Otherwise: return "болмаса";
    case BinOp::Add: return "+";
    case BinOp::Sub: return "-";
    case BinOp::Mul: return "*";
    case BinOp::Div: return "/";
    case BinOp::Lt: return "<";
    case BinOp::Le: return "<=";
    case BinOp::Gt: return ">";
    case BinOp::Ge: return ">=";
    case BinOp::Eq: return "=";
    case BinOp::Ne: return "!=";
    case BinOp::Contains: return "тізімінде";
    case BinOp::ContainsSome: return "тізімінде кемінде_біреуі";
    case BinOp::In: return "ішінде";
  }
  return "?";
}

}  // namespace ssd::ast
