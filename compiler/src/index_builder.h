// The index of a compilation (ssd/index.h), from its parsed files and resolved instruments.
#pragma once

#include <memory>
#include <utility>
#include <vector>

#include "scope.h"
#include "ssd/index.h"

namespace ssd {

SourceIndex make_index(const SourceFile& prelude_file, const ast::Module& prelude,
                       const std::vector<std::pair<const SourceFile*, const ast::Module*>>& modules,
                       const std::vector<std::unique_ptr<Scope>>& scopes);

}  // namespace ssd
