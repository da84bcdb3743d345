// docs/artifact-format.md against the code: the format version it names everywhere, the size of a
// node, and the codes and names of the ops. A change to the format fails here until the page says
// it too.
#include <fstream>
#include <regex>
#include <sstream>

#include "ssd/internal/artifact.h"
#include "test_support.h"

namespace ssd::testing {
namespace {

std::string artifact_doc() {
  std::ifstream in(SSD_SOURCE_DIR "/docs/artifact-format.md");
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// Every match of `pattern`'s first group.
std::vector<std::string> all(const std::string& text, const std::string& pattern) {
  std::vector<std::string> out;
  const std::regex re(pattern);
  for (auto it = std::sregex_iterator(text.begin(), text.end(), re); it != std::sregex_iterator(); ++it)
    out.push_back((*it)[1]);
  return out;
}

TEST(ArtifactDoc, NamesTheCodesVersion) {
  const std::string doc = artifact_doc();
  const std::string version = std::to_string(kArtifactVersion);
  const std::vector<std::string> mentions = {
      all(doc, R"(Format version: \*\*(\d+)\*\*)").at(0),
      all(doc, R"(\| 4 \| `u32` \| format version, `(\d+)`)").at(0),
      all(doc, R"(\| version is (\d+) \|)").at(0),
      all(doc, R"(this ssd reads version (\d+))").at(0)};
  for (const std::string& v : mentions) EXPECT_EQ(v, version) << "docs/artifact-format.md names version " << v;
}

TEST(ArtifactDoc, NodeSize) {
  Program p;
  p.instrument.id = "x";
  const size_t without = serialize(p).size();
  p.nodes.emplace_back();
  const size_t node = serialize(p).size() - without;
  EXPECT_EQ(all(artifact_doc(), R"(### 7\. Nodes: `vec<Node>`, (\d+) bytes each)").at(0), std::to_string(node));
}

TEST(ArtifactDoc, OpTable) {
  const std::string doc = artifact_doc();
  for (int op = 0; op <= static_cast<int>(Op::CalendarEvery); ++op) {
    const std::string name = to_string(static_cast<Op>(op));
    // A row of its own (`| 5 | `not` |`), or within a range (`| 17–20 | `lt` `le` `gt` `ge` |`).
    const std::regex own("\\| " + std::to_string(op) + " \\| `" + name + "` \\|");
    const std::regex range("\\| (\\d+)–(\\d+) \\| ([^|]*)`" + name + "`");
    std::smatch m;
    if (std::regex_search(doc, own)) continue;
    ASSERT_TRUE(std::regex_search(doc, m, range)) << "op " << op << " `" << name << "` is not in the Op table";
    const std::vector<std::string> before = all(m[3].str(), "`([a-z_]+)`");
    EXPECT_EQ(std::stoi(m[1]) + static_cast<int>(before.size()), op) << "`" << name << "` has another code in the table";
  }
}

TEST(ArtifactDoc, ValueTypes) {
  const std::string doc = artifact_doc();
  const std::string printed = all(doc, R"(prints them as `([a-z\s]+)`)").at(0);
  std::string want;
  for (int t = 0; t <= static_cast<int>(ValueType::ObjectList); ++t)
    want += (t ? " " : "") + std::string(to_string(static_cast<ValueType>(t)));
  EXPECT_EQ(std::regex_replace(printed, std::regex("\\s+"), " "), want);
}

}  // namespace
}  // namespace ssd::testing
