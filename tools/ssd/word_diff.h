// Two wordings of a provision compared word by word (Myers' diff, from the dtl library): the
// words kept, deleted and inserted, for the text, HTML and comparative-table views of a change.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace ssd::cli {

struct WordRun {
  enum Kind { Same, Deleted, Inserted };
  Kind kind;
  std::string text;  // whole words with the spaces between them
};

// The runs that turn `older` into `newer`; white space between words is one space.
std::vector<WordRun> word_diff(std::string_view older, std::string_view newer);

// `[-old-]{+new+}` around the words deleted and inserted.
std::string marked_text(const std::vector<WordRun>& runs);

// One side of the change as HTML: the kept words and, in `<del>` or `<ins>` (`tag` "del" or
// "ins"; "b" for the comparative table's bold), those of `side` (Deleted or Inserted).
std::string marked_html(const std::vector<WordRun>& runs, WordRun::Kind side, std::string_view tag);

}  // namespace ssd::cli
