// The previous release's keywords, for one release: a word of the old language is recognised by
// its place in the token stream (a word the law uses is no keyword now, so an identifier may
// still be spelt so) and the token is given its new type, with a warning and the new spelling as
// a fix-it. Old forms that the parser must see as such (заңда, себебі, ішінде) get the grammar's
// OLD_* types; the parser adapter and the type checker report them.
#pragma once

#include <antlr4-runtime.h>

#include "ssd/diagnostics.h"

namespace ssd {

void mark_old_spellings(antlr4::CommonTokenStream& tokens, const SourceFile& file, Diagnostics& diags);

}  // namespace ssd
