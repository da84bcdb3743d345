// The .ssd language: standards of special social services, with Kazakh keywords.
// The language reference is docs/language.md; this grammar is its syntax, nothing more:
// names, types and citations are checked by the compiler (compiler/), not here.
grammar Ssd;

file : declaration* EOF ;

declaration
  : instrument
  | amendment
  | enumDecl
  | fieldDecl
  ;

// өзгеріс "№ 391 бұйрық" { күшіне_енеді ... domestic-violence § 7 мынадай_редакцияда { ... } }
// An amending order: its operations, as the order words them, on instruments of other files.
// A new wording without a citation re-words the whole instrument (an appendix that is the standard).
amendment : AMENDMENT STRING '{' (metaItem | operation)* '}' ;
operation
  : instrumentId CITATION? NEW_WORDING '{' operationMember* '}'     # newWording
  | instrumentId CITATION SUPPLEMENT '{' operationMember* '}'       # supplement
  | instrumentId CITATION DELETE                                    # deletion
  | instrumentId REPEAL                                             # repeal
  ;
operationMember : requirement | provision | example ;

// стандарт edu-org "Атауы" { ... }
instrument : STANDARD instrumentId STRING '{' member* '}' ;
instrumentId : IDENT ('-' (IDENT | NUMBER))* ;

member
  : metaItem
  | enumDecl
  | fieldDecl
  | mappingDecl
  | definition
  | requirement
  | provision
  | example
  ;

metaItem
  : APPROVED STRING                                          # approved
  | WORDING STRING                                           # wording
  | IN_FORCE DATE STRING?                                    # inForceOn
  | IN_FORCE AFTER_PUBLICATION NUMBER unit REGISTERED DATE (PUBLISHED DATE)? STRING?   # inForceAfterPublication
  | REPEALED DATE STRING?                                    # repealed
  | SHORT_NAME STRING                                        # shortName
  | NOTE STRING                                              # note
  | PARTIAL STRING                                           # partial
  ;

// тізбе санат { жетім_бала = "orphan" "жетім-балалар" § 2.1 }
enumDecl : ENUM IDENT OPEN? '{' enumMember* '}' ;
enumMember : IDENT '=' STRING STRING? CITATION? ;

// өріс тұрғын_үй.жатын_бөлме_ауданы : аудан = "housing.sleeping_area_m2"
// өріс жабдықтау : тізім { күні : дата = "date" ... } = "supplies"   (a list of objects)
fieldDecl : FIELD path ':' (typeRef | LIST '{' elementField* '}') '=' STRING ;
elementField : IDENT ':' typeRef '=' STRING ;
typeRef : (LIST | TABLE)? IDENT ;

// сәйкестік қабылдау_негіздері : санат -> негіздеме § 4 { a, b -> c }
mappingDecl : MAPPING IDENT ':' IDENT ARROW IDENT CITATION? '{' mappingRow* '}' ;
mappingRow : names ARROW names ;
names : IDENT (',' IDENT)* ;

definition : DEFINE IDENT '=' expr ;

// талап жатын_бөлме § 5.1 ауырлық өрескел куәландырылады { заңда "..." шарт ... }
requirement : REQUIREMENT IDENT CITATION? (SEVERITY IDENT)? ATTESTED? '{' clause* '}' ;
clause
  : LAW STRING                                               # lawClause
  | DESCRIPTION STRING (EN STRING)?                          # descriptionClause
  | CONDITION expr                                           # conditionClause
  | INSPECTS instrumentId CITATION                           # inspectsClause
  | GROUP IDENT                                              # groupClause
  ;

// тармақ § 1 { заңда "..." себебі "..." }: a provision encoded as no requirement, and why
provision : PARAGRAPH CITATION? '{' provisionClause* '}' ;
provisionClause
  : LAW STRING                                               # provisionLaw
  | REASON STRING                                            # provisionReason
  ;

// мысал "атауы" { кіріс { ...JSON... } күтілетін § 5.1 сәйкес_емес }
example : EXAMPLE STRING '{' INPUT json expectation* '}' ;
// күтілетін § 5.1 сәйкес_емес; күтілетін § 2 жасы сәйкес (one requirement of § 2, by its name);
// күтілетін сәйкес (the record's status)
expectation : EXPECTED CITATION? IDENT IDENT? ;

expr
  : primary                                                  # primaryExpr
  | '-' expr                                                 # negExpr
  | expr OTHERWISE expr                                      # otherwiseExpr
  | expr op=('*' | '/') expr                                 # mulExpr
  | expr op=('+' | '-') expr                                 # addExpr
  | expr op=('<' | '<=' | '>' | '>=' | '=' | '!=' | '≤' | '≥' | '≠') expr   # compareExpr
  | expr IN expr                                             # inExpr
  | expr CONTAINS expr                                       # containsExpr
  | NOT expr                                                 # notExpr
  | expr AND expr                                            # andExpr
  | expr OR expr                                             # orExpr
  | IF expr THEN expr (ELSE expr)?                           # ifExpr
  | EVERY IDENT IN expr ':' expr                             # everyExpr
  | SOME IDENT IN expr ':' expr                              # someExpr
  ;

primary
  : NUMBER unit?                                             # numberLit
  | DATE                                                     # dateLit
  | STRING                                                   # stringLit
  | TRUE                                                     # trueLit
  | FALSE                                                    # falseLit
  | SUM '(' IDENT IN expr (WHERE expr)? ':' expr ')'          # sum
  | IDENT '(' IDENT IN expr WHERE expr ')'                   # countWhere
  | IDENT '(' (expr (',' expr)*)? ')'                        # call
  | path '[' expr ']'                                        # index
  | path                                                     # name
  | '{' (expr (',' expr)*)? '}'                              # setLit
  | '(' expr ')'                                             # parens
  ;

path : IDENT ('.' IDENT)* ;
unit : IDENT IDENT? ;

// The example records are JSON, kept verbatim.
json
  : '{' (jsonPair (',' jsonPair)*)? '}'
  | '[' (json (',' json)*)? ']'
  | STRING
  | '-'? NUMBER
  | IDENT   // true, false, null
  ;
jsonPair : STRING ':' json ;

// ---- Lexer ----------------------------------------------------------------------------------

STANDARD    : 'стандарт' ;
AMENDMENT   : 'өзгеріс' ;
NEW_WORDING : 'мынадай_редакцияда' ;
SUPPLEMENT  : 'толықтырылсын' ;
DELETE      : 'алып_тасталсын' ;
REPEAL      : 'күші_жойылсын' ;
ENUM        : 'тізбе' ;
OPEN        : 'ашық' ;
FIELD       : 'өріс' ;
MAPPING     : 'сәйкестік' ;
DEFINE      : 'анықтама' ;
REQUIREMENT : 'талап' ;
EXAMPLE     : 'мысал' ;
INPUT       : 'кіріс' ;
EXPECTED    : 'күтілетін' ;
LAW         : 'заңда' ;
DESCRIPTION : 'сипаттама' ;
EN          : 'ағылшынша' ;
CONDITION   : 'шарт' ;
SEVERITY    : 'ауырлық' ;
ATTESTED    : 'куәландырылады' ;
APPROVED    : 'бекітілген' ;
WORDING     : 'редакция' ;
SHORT_NAME  : 'қысқаша' ;
IN_FORCE    : 'күшіне_енеді' ;
AFTER_PUBLICATION : 'жарияланғаннан_кейін' ;
REGISTERED  : 'тіркелген' ;
PUBLISHED   : 'жарияланған' ;
REPEALED    : 'күші_жойылады' ;
LIST        : 'тізім' ;
TABLE       : 'кесте' ;
NOTE        : 'ескертпе' ;
PARTIAL     : 'ішінара' ;
PARAGRAPH   : 'тармақ' ;
REASON      : 'себебі' ;
INSPECTS    : 'тексереді' ;
GROUP       : 'тобы' ;
EVERY       : 'әрбір' ;
SOME        : 'кемінде_біреуі' ;
SUM         : 'қосынды' ;
WHERE       : 'қайда' ;
IF          : 'егер' ;
THEN        : 'онда' ;
ELSE        : 'әйтпесе' ;
AND         : 'және' ;
OR          : 'немесе' ;
NOT         : 'емес' ;
IN          : 'ішінде' ;
CONTAINS    : 'қамтиды' ;
OTHERWISE   : 'болмаса' ;
TRUE        : 'ақиқат' ;
FALSE       : 'жалған' ;

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
