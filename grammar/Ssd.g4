// The .ssd language: standards of special social services, with Kazakh keywords.
// The language reference is docs/language.md; this grammar is its syntax, nothing more:
// names, types and citations are checked by the compiler (compiler/), not here.
//
// The law comes first: a provision's block (тармақ, тармақша, абзац, қосымша, жол, тақырыбы)
// holds its official text once, and the requirements, examples and notes that belong to it sit
// inside it and take its citation. The keywords are chosen against the words of the law
// (grammar/keywords.tsv, grammar/seed-vocabulary.tsv).
grammar Ssd;

// Old spellings of the previous release. The lexer never makes these tokens: the old-spelling
// scan (compiler/src/old_spelling.cpp) turns a word of the old language into one of them where
// its place says it is one, so that the parser reads the old form and the compiler reports it
// with its replacement. Remove with that scan in the next release.
tokens { OLD_LAW, OLD_REASON, OLD_IN }

file : declaration* EOF ;

declaration
  : instrument
  | amendment
  | enumDecl
  | fieldDecl
  ;

// стандарт edu-org "Атауы" { ... }
instrument : STANDARD instrumentId STRING '{' member* '}' ;
instrumentId : (IDENT | NUMBER) ('-' (IDENT | NUMBER))* ;

member
  : metaItem
  | enumDecl
  | fieldDecl
  | mappingDecl
  | definition
  | block
  | requirement   // outside a block only to be reported: a requirement sits in its provision's block
  | example
  | pointer
  | closedList
  | instruction   // only in an amending order's new wording of the whole instrument
  ;

// жабық бұзушылықтар тобы ...: the texts of a list field, or the keys of a table field, are the
// keys of the instrument's requirements (of that group): the law's closed table.
closedList : CLOSED path (GROUP IDENT)? ;

// өзгеріс 391-2024 "Атауы" { күшіне_енеді ... domestic-violence { тармақ 5 мынадай_редакцияда "..." { ... } } }
// An amending order: what it changes in instruments of other files, block by block, as the order
// words it. The id is missing only in the old spelling, which is reported.
amendment : AMENDMENT instrumentId? STRING '{' (metaItem | change)* '}' ;
change
  : instrumentId '{' (block | example | unencodedInstruction)* '}'   # changes
  | instrumentId NEW_WORDING blockText? '{' member* '}'          # wholeNewWording
  | instrumentId REPEAL ('{' instruction '}')?                   # repeal
  | instrumentId CITATION op=(NEW_WORDING | SUPPLEMENT) '{' member* '}'   # oldOperation
  | instrumentId CITATION DELETE                                 # oldDeletion
  ;

// A provision: its kind, its number within the enclosing block, in an amending order what
// happens to it, its official text, and what belongs to it.
//   тармақ 5 "Тұрмыста ... қызметтер:" { тармақша 1 "... жатын бөлмелерін беру;" { талап ... } }
//   қосымша 3 { тақырыбы "..." жол 18 "..." { ... } }
//   тармақ 1 "Осы стандарт ... әзірленді." { кодталмайды "құқықтық негіз" }
//   тармақ 2 "..." { әлі_кодталмаған }                   (not yet encoded: the work to do)
//   жол 2 risk-criteria § 4 мәтінімен { ... }          (the text of another block of this file)
// A citation instead of a number is the old spelling (тармақ § 1 { заңда ... себебі ... }).
block
  : kind=(PARAGRAPH | SUBPARAGRAPH | ABZATS | APPENDIX | ROW | TITLE)
    (blockNumber | CITATION)? blockOperation? blockText? blockBody?
  ;
blockNumber : NUMBER ('-' NUMBER)? ;
blockOperation : NEW_WORDING | SUPPLEMENT | DELETE ;
blockText
  : STRING                                                       # literalText
  | instrumentId CITATION? TEXT_OF                               # sharedText
  ;
blockBody : '{' blockMember* '}' ;
blockMember
  : block
  | requirement
  | example
  | REASON STRING
  | TODO
  | NOTE STRING
  | pointer
  | instruction
  | (OLD_LAW | OLD_REASON) STRING
  ;

// нұсқау 1.6: which instruction of the amending order makes the change its block (or section)
// carries — the order's paragraph, and the instruction's place in it, as the order's text runs;
// a draft may give why (the comparative table's «Негіздеме»): нұсқау 1.6 негіздемесі "…"
instruction : INSTRUCTION NUMBER (JUSTIFICATION STRING)? ;
// An instruction that changes no provision encoded here — the approving act's preamble, a
// chapter's title: the part it changes in the order's words, what it does (the new text, where
// the corpus has it), and why it is no block. An instruction that changes only the Russian text:
//   нұсқау 1.1 "кіріспе" қазақ_мәтіні_өзгермейді
//   нұсқау 1.2 "1-тараудың тақырыбы" мынадай_редакцияда "1-тарау. Жалпы ережелер" { кодталмайды "…" }
unencodedInstruction
  : INSTRUCTION NUMBER STRING (blockOperation STRING? | KAZAKH_UNCHANGED) ('{' (REASON STRING | NOTE STRING | JUSTIFICATION STRING)* '}')?
  ;

// 391-2024 өзгерісінде: the provision (or, at the top of an instrument, the whole instrument) is
// worded by that amending order; the compiler checks it against the orders compiled with it.
pointer : instrumentId AMENDED_IN ;

metaItem
  : APPROVED STRING                                          # approved
  | WORDING STRING                                           # wording
  | IN_FORCE DATE STRING?                                    # inForceOn
  | IN_FORCE AFTER_PUBLICATION NUMBER unit REGISTERED DATE (PUBLISHED DATE)? STRING?   # inForceAfterPublication
  | REPEALED DATE publicationTerm? STRING?                   # repealed
  | publicationTerm STRING?                                  # publicationTermItem
  | SHORT_NAME STRING                                        # shortName
  | NOTE STRING                                              # note
  | PARTIAL STRING                                           # partial
  | JUSTIFICATION STRING                                     # justification
  ;

// жариялау_мерзімі 10 күнтізбелік күн: how long the act's official publication is taken to take,
// so how long a day that depends on it stays uncertain after its earliest (docs/time.md).
publicationTerm : PUBLICATION_TERM NUMBER unit ;

// тізбе санат { жетім_бала = "orphan" "жетім-балалар" § 2.1 }
enumDecl : ENUM IDENT OPEN? '{' enumMember* '}' ;
enumMember : IDENT '=' STRING STRING? CITATION? ;

// өріс тұрғын_үй.жатын_бөлме_ауданы : аудан = "housing.sleeping_area_m2"
// өріс жабдықтау : тізім { күні : дата = "date" ... } = "supplies"   (a list of objects)
fieldDecl : FIELD path ':' (typeRef | LIST '{' elementField* '}') '=' STRING ;
elementField : IDENT ':' typeRef '=' STRING ;
typeRef : (LIST | TABLE)? IDENT ;

// сәйкестік_кестесі қабылдау_негіздері : санат -> негіздеме § 4 { a, b -> c }
mappingDecl : MAPPING IDENT ':' IDENT ARROW IDENT CITATION? '{' mappingRow* '}' ;
mappingRow : names ARROW names ;
names : IDENT (',' IDENT)* ;

// бұдан_әрі бала_саны = тұрғын_үй.бөлмедегі_балалар_саны
definition : DEFINE IDENT '=' expr ;

// талап жатын_бөлме ауырлық өрескел { сипаттама "..." талап_етіледі ... }, inside its block.
// A citation, and the law's text in the requirement (заңда), are the old spelling.
requirement : REQUIREMENT IDENT CITATION? (SEVERITY IDENT)? ATTESTED? '{' clause* '}' ;
clause
  : DESCRIPTION STRING (EN STRING)?                          # descriptionClause
  | REQUIRED expr                                            # conditionClause
  | INSPECTS instrumentId CITATION                           # inspectsClause
  | GROUP IDENT                                              # groupClause
  | OLD_LAW STRING                                           # oldLawClause
  ;

// мысал "атауы" { жазба { тексеру_күні = 2022-01-24 ... } күтілетін § 5.1 өтпеді }
example : EXAMPLE STRING '{' RECORD record expectation* '}' ;
// The record in the drafter's words (the prelude's Kazakh field names, members by name, the
// inspector's answers by citation), or in the contract's JSON, kept verbatim.
record
  : json                                                     # jsonRecord
  | '{' recordEntry* '}'                                     # kazakhRecord
  ;
recordEntry
  : path ('[' STRING ']')? '=' recordValue                   # fieldEntry
  | CITATION '=' recordValue                                 # attestationEntry
  ;
recordValue
  : '-'? NUMBER                                              # numberValue
  | DATE                                                     # dateValue
  | STRING                                                   # stringValue
  | TRUE                                                     # trueValue
  | FALSE                                                    # falseValue
  | path                                                     # memberValue
  | '{' elementEntry (',' elementEntry)* '}'                 # elementValue
  | '{' (recordValue (',' recordValue)*)? '}'                # listValue
  ;
elementEntry : IDENT '=' recordValue ;
// күтілетін § 5.1 өтпеді; күтілетін § 2 жасы өтті (one requirement of § 2, by its name);
// күтілетін сәйкес_емес (the record's status)
expectation : EXPECTED CITATION? IDENT? IDENT ;

expr
  : primary                                                  # primaryExpr
  | '-' expr                                                 # negExpr
  | expr OTHERWISE expr                                      # otherwiseExpr
  | expr op=('*' | '/') expr                                 # mulExpr
  | expr op=('+' | '-') expr                                 # addExpr
  | expr op=('<' | '<=' | '>' | '>=' | '=' | '!=' | '≤' | '≥' | '≠') expr   # compareExpr
  | expr IN_LIST SOME? expr                                  # inListExpr
  | expr OLD_IN expr                                         # oldInExpr
  | expr NOT                                                 # notExpr
  | NOT expr                                                 # oldNotExpr
  | expr AND expr                                            # andExpr
  | expr OR expr                                             # orExpr
  | IF expr THEN expr (ELSE expr)?                           # ifExpr
  | path IN_LIST EVERY IDENT ':' expr                        # everyExpr
  | path IN_LIST SOME IDENT ':' expr                         # someExpr
  | EVERY IDENT OLD_IN expr ':' expr                         # oldEveryExpr
  | SOME IDENT OLD_IN expr ':' expr                          # oldSomeExpr
  ;

primary
  : NUMBER unit?                                             # numberLit
  | DATE                                                     # dateLit
  | STRING                                                   # stringLit
  | TRUE                                                     # trueLit
  | FALSE                                                    # falseLit
  | SUM '(' path IN_LIST IDENT (WHERE expr)? ':' expr ')'    # sum
  | SUM '(' IDENT OLD_IN expr (WHERE expr)? ':' expr ')'     # oldSum
  | IDENT '(' path IN_LIST IDENT WHERE expr ')'              # countWhere
  | IDENT '(' IDENT OLD_IN expr WHERE expr ')'               # oldCountWhere
  | IDENT '(' (expr (',' expr)*)? ')'                        # call
  | path '[' expr ']'                                        # index
  | path                                                     # name
  | '{' (expr (',' expr)*)? '}'                              # setLit
  | '(' expr ')'                                             # parens
  ;

path : IDENT ('.' IDENT)* ;
unit : IDENT IDENT? ;

// The example records in the contract's form are JSON, kept verbatim.
json
  : '{' (jsonPair (',' jsonPair)*)? '}'
  | '[' (json (',' json)*)? ']'
  | STRING
  | '-'? NUMBER
  | IDENT   // true, false, null
  ;
jsonPair : STRING ':' json ;

// ---- Lexer ----------------------------------------------------------------------------------
// Every keyword, its sense and why it was chosen: grammar/keywords.tsv and docs/language.md.

STANDARD     : 'стандарт' ;
AMENDMENT    : 'өзгеріс' ;
NEW_WORDING  : 'мынадай_редакцияда' ;
SUPPLEMENT   : 'толықтырылсын' ;
DELETE       : 'алып_тасталсын' ;
REPEAL       : 'күші_жойылсын' ;
AMENDED_IN   : 'өзгерісінде' ;
INSTRUCTION  : 'нұсқау' ;
JUSTIFICATION : 'негіздемесі' ;
KAZAKH_UNCHANGED : 'қазақ_мәтіні_өзгермейді' ;
PARAGRAPH    : 'тармақ' ;
SUBPARAGRAPH : 'тармақша' ;
ABZATS       : 'абзац' ;
APPENDIX     : 'қосымша' ;
ROW          : 'жол' ;
TITLE        : 'тақырыбы' ;
TEXT_OF      : 'мәтінімен' ;
REASON       : 'кодталмайды' ;
TODO         : 'әлі_кодталмаған' ;
ENUM         : 'тізбе' ;
OPEN         : 'ашық' ;
CLOSED       : 'жабық' ;
FIELD        : 'өріс' ;
MAPPING      : 'сәйкестік_кестесі' ;
DEFINE       : 'бұдан_әрі' ;
REQUIREMENT  : 'талап' ;
REQUIRED     : 'талап_етіледі' ;
EXAMPLE      : 'мысал' ;
RECORD       : 'жазба' ;
EXPECTED     : 'күтілетін' ;
DESCRIPTION  : 'сипаттама' ;
EN           : 'ағылшынша' ;
SEVERITY     : 'ауырлық' ;
ATTESTED     : 'куәландырылады' ;
INSPECTS     : 'тексереді' ;
GROUP        : 'тобы' ;
APPROVED     : 'бекітілген' ;
WORDING      : 'редакция' ;
SHORT_NAME   : 'қысқаша' ;
IN_FORCE     : 'күшіне_енеді' ;
AFTER_PUBLICATION : 'жарияланғаннан_кейін' ;
REGISTERED   : 'тіркелген' ;
PUBLISHED    : 'жарияланған' ;
PUBLICATION_TERM : 'жариялау_мерзімі' ;
REPEALED     : 'күші_жойылады' ;
NOTE         : 'ескертпе' ;
PARTIAL      : 'ішінара' ;
LIST         : 'тізім' ;
TABLE        : 'кесте' ;
IN_LIST      : 'тізімінде' ;
EVERY        : 'әрбір' ;
SOME         : 'кемінде_біреуі' ;
SUM          : 'қосынды' ;
WHERE        : 'қайда' ;
IF           : 'егер' ;
THEN         : 'болса' ;
ELSE         : 'әйтпесе' ;
AND          : 'және' ;
OR           : 'немесе' ;
NOT          : 'емес' ;
OTHERWISE    : 'болмаса' ;
TRUE         : 'ақиқат' ;
FALSE        : 'жалған' ;

ARROW : '->' | '→' ;

// § 5.1, § 4, § 6-1, § 3-қосымша 18 (a row of an appendix's table), § 3-қосымша (all of it)
CITATION : '§' [ \t]* ([0-9]+ '-қосымша' ([ \t]+ CITE_NUM ('.' CITE_NUM)*)? | CITE_NUM ('.' CITE_NUM)*) ;
fragment CITE_NUM : [0-9]+ ('-' [0-9]+)? ;

DATE   : [0-9][0-9][0-9][0-9] '-' [0-9][0-9] '-' [0-9][0-9] ;
NUMBER : [0-9]+ ('.' [0-9]+)? ;

STRING : '"' (~["\\\r\n] | ESCAPE)* '"'
       | '"""' .*? '"""'
       ;
UNTERMINATED_STRING : '"' (~["\\\r\n] | ESCAPE)* ;
fragment ESCAPE : '\\' . ;

IDENT : [\p{L}_] [\p{L}\p{N}_]* ;   // \p{N} has ² and ³, for units such as м²

LINE_COMMENT  : '//' ~[\r\n]* -> channel(HIDDEN) ;
BLOCK_COMMENT : '/*' .*? '*/' -> channel(HIDDEN) ;
WS : [ \t\r\n\u00A0\uFEFF]+ -> skip ;

// Anything else becomes a token of its own, so the compiler can name it in a diagnostic.
UNEXPECTED_CHAR : . ;
