# Writes a C++ source holding a text file as one raw string literal, so that the program needs
# no data file at run time. Run by a custom command at build time (CMakeLists.txt):
#   cmake -DINPUT=data/x.tsv -DOUTPUT=build/generated/x.cpp -DNAMESPACE=tv::fields
#         -DNAME=kXTsv -P cmake/embed_text.cmake
# and declared by hand where it is used: `extern const std::string_view kXTsv;`.
foreach(var INPUT OUTPUT NAMESPACE NAME)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "embed_text.cmake: -D${var}=... is missing")
  endif()
endforeach()

file(READ "${INPUT}" text)
# The literal ends at the first )tv_embed" in it: a file containing that sequence would be cut
# short, so it fails the build instead.
set(delimiter "tv_embed")
string(FIND "${text}" ")${delimiter}\"" collision)
if(NOT collision EQUAL -1)
  message(FATAL_ERROR "${INPUT} contains )${delimiter}\", the raw-string delimiter of embed_text.cmake")
endif()

file(WRITE "${OUTPUT}"
  "// Generated at build time from ${INPUT} by cmake/embed_text.cmake: do not edit.\n"
  "#include <string_view>\n\n"
  "namespace ${NAMESPACE} {\n"
  "extern const std::string_view ${NAME};\n"
  "const std::string_view ${NAME} = R\"${delimiter}(${text})${delimiter}\";\n"
  "}  // namespace ${NAMESPACE}\n")
