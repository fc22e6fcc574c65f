# Makes hyoka.1.gz with help2man from `hyoka --help`, with a COMMANDS section
# holding every subcommand's --help (the subcommands are read from --help, so
# a new one needs no change here). Run by the build:
#   cmake -DHYOKA=… -DHELP2MAN=… -DOUT=…/hyoka.1 [-DDATE_EPOCH=…] -P man_page.cmake
# DATE_EPOCH (the last commit's time) dates the page, so that it does not
# change with the day it was built.
execute_process(COMMAND ${HYOKA} --help OUTPUT_VARIABLE help RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "${HYOKA} --help failed")
endif()
string(REGEX MATCH "Subcommands:\n.*" subcommands "${help}")
string(REGEX MATCHALL "\n  [a-z][a-z-]*" names "${subcommands}")

string(CONCAT include "[DESCRIPTION]\n"
  "hyoka turns a city's plan data (JSON) and Markdown commentary into its annual evaluation report: "
  "a bilingual (Japanese/English) static website and PDF evaluation sheets.\n"
  ".PP\n"
  "A site is a folder holding hyoka.json; its own templates/, templates/i18n/, templates/layouts/ and "
  "assets/ override the defaults in /usr/share/hyoka file by file. Start one with \\fBhyoka new site\\fR DIR, "
  "preview it with \\fBhyoka serve\\fR, publish the output of \\fBhyoka build\\fR.\n"
  "[COMMANDS]\n")
foreach(name IN LISTS names)
  string(STRIP "${name}" name)
  execute_process(COMMAND ${HYOKA} ${name} --help OUTPUT_VARIABLE text)
  string(REPLACE "\\" "\\e" text "${text}")             # roff escapes
  string(REGEX REPLACE "(^|\n)([.'])" "\\1\\\\&\\2" text "${text}")  # lines starting with . or '
  string(APPEND include ".SS \"hyoka ${name}\"\n.nf\n${text}.fi\n")
endforeach()
string(CONCAT include "${include}" "[FILES]\n"
  ".TP\n\\fIhyoka.json\\fR\nthe site's configuration (schema: /usr/share/hyoka/schema/site.schema.json)\n"
  ".TP\n\\fI/usr/share/hyoka/\\fR\nthe default templates, UI strings, PDF layouts, assets, schemas and the example plan\n")
file(WRITE "${OUT}.h2m" "${include}")

if(DATE_EPOCH)
  set(ENV{SOURCE_DATE_EPOCH} "${DATE_EPOCH}")
endif()
execute_process(
  COMMAND ${HELP2MAN} --no-info --no-discard-stderr --section=1 --source=hyoka
          "--name=a city's plan evaluation report as a bilingual website and PDF sheets"
          "--include=${OUT}.h2m" --output=${OUT} ${HYOKA}
  RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "help2man failed")
endif()
# Debian installs man pages compressed; -n keeps the file's name and time out, so the bytes repeat.
execute_process(COMMAND gzip -9nf ${OUT} RESULT_VARIABLE status)
if(NOT status EQUAL 0)
  message(FATAL_ERROR "gzip failed")
endif()
