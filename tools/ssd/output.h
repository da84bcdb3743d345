// Standard output, checked. Results that cannot be written (a full disk, a closed descriptor) are
// an error with a message and exit status 2, never a silent success. A reader that went away
// (`ssd check | head`) is not worth a message: SIGPIPE ends the process quietly, and where it is
// ignored the broken pipe ends it with status 2 and nothing on standard error.
#pragma once

#include <string_view>

#include "ssd/dates.h"

namespace ssd::cli {

// Writes `text` to standard output; false when it could not be written, and from then on.
bool write_out(std::string_view text);

// Flushes standard output and std::cout. `status` when everything written reached its file;
// otherwise kCannotRun, with the reason on standard error.
int finish_output(int status);

// The local calendar day now: the default of --as-of.
Day today();

}  // namespace ssd::cli
