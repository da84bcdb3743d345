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
    case BinOp::In: return "ішінде";
    case BinOp::Contains: return "қамтиды";
  }
  return "?";
}

}  // namespace ssd::ast
