# ANTLR 4.7's C++ target builds the ATN of each recognizer while the program starts, whatever the
# program is run for: a third of the start of a command that compiles nothing (`ssd check` with its
# standards cached). This step makes the first lexer or parser built build it instead, as the
# code of ANTLR 4.10 and later does itself.
#   cmake -DFILE=<generated .cpp> -DCLASS=<SsdLexer|SsdParser> -P lazy_init.cmake
file(READ ${FILE} text)
set(eager "${CLASS}::Initializer ${CLASS}::_init;")
set(construct "_interpreter = new atn::")
string(FIND "${text}" "${eager}" at_eager)
string(FIND "${text}" "${construct}" at_construct)
if(at_eager EQUAL -1 OR at_construct EQUAL -1)
  message(FATAL_ERROR "${FILE} is not the code of ANTLR 4.7 that grammar/lazy_init.cmake knows")
endif()
string(REPLACE "${eager}" "" text "${text}")
string(REPLACE "${construct}" "static Initializer initialized;  // the ATN, built by the first one\n  ${construct}"
       text "${text}")
file(WRITE ${FILE} "${text}")
