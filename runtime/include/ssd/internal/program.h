// The compiled form of an instrument: what the compiler produces, what a .ssdc file stores
// (docs/artifact-format.md), and what the runtime evaluates. Plain data: flat vectors indexed
// by number, so it can be printed (`ssd compile --dump`), stored and loaded as it is. Private to
// the project: not installed, and free to change with the artifact format.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "ssd/dates.h"
#include "ssd/result.h"

namespace ssd {

enum class ValueType : std::uint8_t {
  Bool,
  Number,
  Text,
  Date,
  Duration,  // a whole number of TimeUnits; the unit is the node's
  Area,      // square metres
  Enum,      // a member of an enumeration
  EnumSet,   // a set of members of one enumeration (a JSON array of codes)
  DateList,  // a JSON array of dates
  TextList,     // a JSON array of strings
  NumberTable,  // a JSON object of numbers, keyed by text
  ObjectList,   // a JSON array of objects, each of the slot's record type
};

enum class TimeUnit : std::uint8_t { CalendarDays, WorkingDays, Months, Years };

// ORDER OP: ops.def has a row per op in this order. A new op goes last, and kOpCount counts
// up to it.
enum class Op : std::uint8_t {
  Const,       // num (Bool, Number, Area, Date, Duration) or bits (EnumSet, Enum)
  Field,       // a = slot
  AsOf,        // the record's as_of date
  Present,     // a is present in the record: never missing
  Otherwise,   // a, or b where a is missing
  Not,
  And,         // Kleene: false wins over missing
  Or,          // Kleene: true wins over missing
  If,          // a ? b : c; c = -1: not applicable when a is false
  Neg,
  Add, Sub, Mul, Div,                       // numbers and areas
  DateAdd,     // date a + duration b (unit in `unit`)
  DateSub,     // date a - duration b
  DaysBetween, // date a - date b, in calendar days
  Lt, Le, Gt, Ge, Eq, Ne,
  In,          // enum a is in set b
  Intersects,  // set a shares a member with set b
  Contains,    // set a has every member of set b
  Union,       // set a + set b
  Map,         // the image of set (or enum) a under mapping b
  Age,         // completed years from date a to date b
  Count,       // the number of elements of a list or set
  EveryPeriod, // dates a are never further apart than duration b, up to date c; from the start
               // date (bits: 1 + its node, 0: none) where one is given
  Element,     // field b of the element bound a quantifiers out (0: the innermost)
  Every,       // body b holds for every element of list a
  Some,        // body b holds for some element of list a
  Sum,         // the sum of c over the elements of list a for which b holds (b = -1: all)
  CountWhere,  // the number of elements of list a for which b holds
  TextIn,      // text a is in list b
  Index,       // the number of table a under key b
  CalendarEvery, // dates a fall in every calendar period of b (months or years) from the first
                 // date's (or the first whole one from the start date, bits as for EveryPeriod)
                 // to the last period ended before date c
};
inline constexpr std::size_t kOpCount = static_cast<std::size_t>(Op::CalendarEvery) + 1;

struct Node {
  Op op = Op::Const;
  ValueType type = ValueType::Bool;
  TimeUnit unit = TimeUnit::CalendarDays;  // Duration and DateAdd/DateSub/EveryPeriod
  std::int32_t a = -1, b = -1, c = -1;
  double num = 0;
  std::uint64_t bits = 0;  // Const: members; Element: record type; EveryPeriod, CalendarEvery: start
  std::int32_t text = -1;  // Program::texts: a Text constant, or the source of a comparison
  std::int32_t line = 0;   // in the instrument's source, for dumps and explanations
};

struct EnumMember {
  std::string name;   // the Kazakh identifier
  std::string code;   // the contract's code
  std::string label;  // the law's words
  std::string rule;   // the citation, e.g. "2.1"
};

struct EnumDef {
  std::string name;
  std::vector<EnumMember> members;
  // An open enumeration accepts codes it does not list (plan.approved_by: "head" or any other
  // role); they all read as one extra member, "other", numbered members.size().
  bool open = false;
};

struct Mapping {
  std::string name;
  std::int32_t from_enum = -1, to_enum = -1;
  std::vector<std::uint64_t> image;  // per member of from_enum, the set of to_enum members
};

// A field of the case record that the program reads, with its place in the JSON object.
struct Slot {
  std::string name;       // the Kazakh path, e.g. тұрғын_үй.жатын_бөлме_ауданы
  std::string json_path;  // the contract's path, e.g. housing.sleeping_area_m2
  ValueType type = ValueType::Bool;
  std::int32_t enum_id = -1;
  std::int32_t record_type = -1;  // ObjectList: Program::record_types
  // A closed list (жабық): the only texts (TextList) or keys (NumberTable) a record may give —
  // the keys of the instrument's requirements, of the group `closed_group` where one is named.
  // Empty: any.
  std::vector<std::string> closed;
  std::string closed_group;
};

// The fields of each element of a list of objects; a field's json_path is its key.
struct RecordType {
  std::string name;
  std::vector<Slot> fields;
};

struct Requirement {
  std::string name;
  std::int32_t provision = -1;  // Program::provisions: the block it is written in, whose text it enforces
  std::string rule;        // contract §2: "4", "5.1", "app3:18" (its provision's)
  std::string citation;    // the same in the law's words, with the instrument
  Severity severity = Severity::None;
  bool attested = false;   // judged by an inspector: read from the record's attestations
  std::int32_t root = -1;  // the condition's node; -1 for attested requirements
  std::string description_kk, description_en;
  std::int32_t line = 0;
  // What the requirement inspects elsewhere (a checklist row → a standard's paragraph or a risk
  // criteria row): instrument id and rule.
  std::vector<std::pair<std::string, std::string>> inspects;
  // The period this wording applies in, where an amending order set or ended it (nullopt: the
  // instrument's own period), and that order.
  std::optional<Day> from, until;
  std::string act;
  std::string source;  // the requirement as written in .ssd
  std::string group, group_label;  // the group it belongs to (risk criteria: the source of information)

  bool in_force_on(Day day) const { return (!from || *from <= day) && (!until || day < *until); }
};

enum class ProvisionKind : std::uint8_t { Paragraph, SubParagraph, Abzats, Appendix, AppendixTitle, Row };

// A provision of the instrument as the law writes it — a paragraph, sub-paragraph, абзац, appendix,
// appendix title or table row that the source encodes — with its text, once. Requirements point
// at theirs; a provision encoded as no requirement says why.
struct Provision {
  ProvisionKind kind = ProvisionKind::Paragraph;
  // Contract §2: "5", "5.1", "5.1.2", "app3", "app3:18", "app3:title" (a table of the whole
  // instrument, as the risk criteria: "18"); an unnumbered абзац has its parent's, "" at the top.
  std::string rule;
  std::string number;        // its own number as written: "1" of 5.1; "" unnumbered, and a title
  std::int32_t parent = -1;  // the provision it is written in (the same wording), or -1
  std::string citation;      // the law's words, with the instrument: "…, 5-тармақтың 1) тармақшасы"
  std::string text;          // the official text; "" where the source gives none
  std::string text_from;     // "risk-criteria § 4": the block of the same file it takes its text from
  std::string reason;        // not encoded as a requirement, and why; "" when it is encoded
  bool to_do = false;        // not yet encoded: the drafter's work still to do (әлі_кодталмаған)
  std::vector<std::string> notes;  // the drafter's notes on its encoding
  // The period this wording applies in, where an amending order set or ended it (nullopt: the
  // instrument's own period), and that order.
  std::optional<Day> from, until;
  std::string act;
  std::string source;        // the block as written in .ssd
  std::string file;          // the file it is written in
  std::int32_t line = 0, column = 0;            // its keyword (column 0-based, in code points)
  std::int32_t text_line = 0, text_column = 0;  // its text; line 0 when it has none of its own

  bool in_force_on(Day day) const { return (!from || *from <= day) && (!until || day < *until); }
};

// Days on which the wording in force depends on a publication date the corpus does not give:
// the earliest possible day is taken as the rule, and a record judged on these days says so
// (docs/time.md, "Dates the corpus does not fix").
struct UncertainPeriod {
  Day from = 0, to = 0;  // [from, to)
  std::string why_kk, why_en;
};

struct Instrument {
  std::string id;          // contract §1, e.g. edu-org
  std::string title;
  std::string short_name;  // used in citations
  std::string approved;    // the approving act
  std::string wording;     // the act whose wording is encoded
  std::optional<Day> in_force_from;  // first day in force, where the text gives it
  bool in_force_estimated = false;   // in_force_from is the earliest possible (publication not known)
  std::string in_force_note;
  std::optional<Day> repealed_from;  // first day no longer in force
  std::string repealed_note;
  std::vector<std::string> notes;    // what the drafter says of the encoding (parts not in the corpus, ...)
  std::string partial;               // non-empty: the corpus gives only part of the instrument, and why
  // Compiled alone (`ssd compile --alone`): the amending orders of its folder not applied. Such a
  // program is not the instrument in force, and the runtime does not load it for checking.
  std::vector<std::string> orders_left_out;
  std::vector<UncertainPeriod> uncertain;  // in order of their first day

  // The period of uncertainty `day` lies in, or nullptr.
  const UncertainPeriod* uncertain_on(Day day) const {
    for (const UncertainPeriod& u : uncertain)
      if (u.from <= day && day < u.to) return &u;
    return nullptr;
  }
};

struct Program {
  Instrument instrument;
  std::vector<EnumDef> enums;
  std::vector<Mapping> mappings;
  std::vector<Slot> slots;
  std::vector<RecordType> record_types;
  std::vector<Node> nodes;
  std::vector<Requirement> requirements;
  std::vector<Provision> provisions;  // every provision encoded, outermost first, in the order written
  std::vector<std::string> texts;
  std::string source_name;
  // As written in .ssd, for consolidated texts: the metadata lines, and the enumerations,
  // fields, mappings and definitions.
  std::vector<std::string> meta_source, declarations_source;  // the .ssd file it was compiled from
};

// The law's text a requirement enforces: its provision's.
const std::string& law_of(const Program& program, const Requirement& requirement);

const char* to_string(ValueType type);
const char* to_string(ProvisionKind kind);
const char* to_string(Op op);
const char* to_string(TimeUnit unit);

// The enumeration of an Enum or EnumSet node, from the field, element or mapping it comes from;
// -1 for a constant (its partner in the expression names it). For a verified program.
int enum_of(const Program& program, std::int32_t node);

// The program as the runtime sees it, clox-style (dump.cpp): each requirement with its source
// and its condition as a tree of nodes, each operand by its role.
std::string dump(const Program& program);

}  // namespace ssd
