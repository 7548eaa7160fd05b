// Apache Thrift IDL, the whole language as Apache's compiler (thrifty.yy / thriftl.ll) reads it,
// plus the older forms still found in real files. No embedded actions: ElementBuilder walks the
// tree. Comments go to the HIDDEN channel so that doc comments can be found next to definitions.
grammar Thrift;

document
    : header* definition* EOF
    ;

header
    : include_
    | cppInclude
    | namespace_
    | oldNamespace
    ;

include_
    : 'include' LITERAL
    ;

cppInclude
    : 'cpp_include' LITERAL
    ;

namespace_
    : 'namespace' scope=namespaceScope value=namespaceValue annotations?
    ;

namespaceScope
    : '*'
    | IDENTIFIER
    | keyword
    ;

namespaceValue
    : IDENTIFIER
    | ST_IDENTIFIER
    | LITERAL
    | keyword
    ;

// cpp_namespace, java_package, php_namespace, ... : checked by name in ElementBuilder.
oldNamespace
    : IDENTIFIER (IDENTIFIER | ST_IDENTIFIER | LITERAL)
    ;

definition
    : constDef
    | typedefDef
    | enumDef
    | senumDef
    | structDef
    | unionDef
    | exceptionDef
    | serviceDef
    ;

constDef
    : 'const' fieldType name=IDENTIFIER '=' constValue separator?
    ;

typedefDef
    : 'typedef' fieldType name=IDENTIFIER annotations? separator?
    ;

enumDef
    : 'enum' name=IDENTIFIER '{' enumMember* '}' annotations?
    ;

enumMember
    : name=IDENTIFIER ('=' integer)? annotations? separator?
    ;

senumDef
    : 'senum' name=IDENTIFIER '{' (LITERAL separator?)* '}' annotations?
    ;

structDef
    : 'struct' name=IDENTIFIER xsdAll='xsd_all'? '{' field* '}' annotations?
    ;

unionDef
    : 'union' name=IDENTIFIER xsdAll='xsd_all'? '{' field* '}' annotations?
    ;

exceptionDef
    : 'exception' name=IDENTIFIER '{' field* '}' annotations?
    ;

serviceDef
    : 'service' name=IDENTIFIER ('extends' superName=IDENTIFIER)? '{' function* '}' annotations?
    ;

function
    : (ONEWAY | ASYNC)? functionType name=IDENTIFIER '(' field* ')' throwsList? annotations? separator?
    ;

functionType
    : VOID
    | fieldType
    ;

throwsList
    : 'throws' '(' field* ')'
    ;

field
    : fieldId? requiredness? fieldType reference='&'? fieldName ('=' constValue)?
      xsdOptional='xsd_optional'? xsdNillable='xsd_nillable'? xsdAttrs? annotations? separator?
    ;

fieldId
    : integer ':'
    ;

requiredness
    : 'required'
    | 'optional'
    ;

// Since Thrift 0.18 a field may be named with most keywords.
fieldName
    : IDENTIFIER
    | keyword
    ;

keyword
    : 'namespace' | 'cpp_include' | 'cpp_type' | 'include' | VOID | 'bool' | 'byte' | 'i8' | 'i16'
    | 'i32' | 'i64' | 'double' | 'string' | 'binary' | 'uuid' | 'map' | 'list' | 'set' | ONEWAY
    | ASYNC | 'typedef' | 'struct' | 'union' | 'exception' | 'extends' | 'throws' | 'service'
    | 'enum' | 'const' | 'required' | 'optional'
    ;

xsdAttrs
    : 'xsd_attrs' '{' field* '}'
    ;

fieldType
    : IDENTIFIER annotations?      # namedType
    | baseType annotations?        # baseTypeRef
    | containerType annotations?   # containerTypeRef
    ;

baseType
    : 'bool' | 'byte' | 'i8' | 'i16' | 'i32' | 'i64' | 'double' | 'string' | 'binary' | 'uuid'
    | 'slist'
    ;

containerType
    : 'map' cppType? '<' fieldType (',' fieldType)? '>'   # mapType
    | 'set' cppType? '<' fieldType '>'                    # setType
    | 'list' '<' fieldType '>' cppType?                   # listType
    ;

cppType
    : 'cpp_type' LITERAL
    ;

constValue
    : integer                                          # intConst
    | DOUBLE                                           # doubleConst
    | LITERAL                                          # stringConst
    | IDENTIFIER                                       # identifierConst
    | '[' (constValue separator?)* ']'                 # listConst
    | '{' (constValue ':' constValue separator?)* '}'  # mapConst
    ;

integer
    : INTEGER
    | HEX_INTEGER
    ;

annotations
    : '(' annotation* ')'
    ;

annotation
    : key=annotationKey ('=' value=LITERAL)? separator?
    ;

annotationKey
    : IDENTIFIER
    | keyword
    ;

separator
    : ','
    | ';'
    ;

// ---- lexer -------------------------------------------------------------------------------------

VOID : 'void' ;
ONEWAY : 'oneway' ;
ASYNC : 'async' ;

LITERAL
    : '"' (~["\\\r\n] | '\\' ~[\r\n])* '"'
    | '\'' (~['\\\r\n] | '\\' ~[\r\n])* '\''
    ;

// A string that reaches the end of its line or of the file: reported as an error by the builder.
UNTERMINATED_LITERAL
    : '"' (~["\\\r\n] | '\\' ~[\r\n])*
    | '\'' (~['\\\r\n] | '\\' ~[\r\n])*
    ;

// Identifiers come before numbers, so that 'e10' is an identifier, as in Apache's lexer.
IDENTIFIER
    : [a-zA-Z_] ('.' [a-zA-Z_0-9] | [a-zA-Z_0-9])*
    ;

HEX_INTEGER
    : [+-]? '0x' [0-9a-fA-F]+
    ;

INTEGER
    : [+-]? [0-9]+
    ;

DOUBLE
    : [+-]? [0-9]* '.' [0-9]+ EXPONENT?
    | [+-]? [0-9]+ EXPONENT
    ;

fragment EXPONENT
    : [eE] [+-]? [0-9]+
    ;

// Smalltalk and XSD names may contain dashes; only the old namespace forms accept them.
ST_IDENTIFIER
    : [a-zA-Z-] ('.' [a-zA-Z_0-9-] | [a-zA-Z_0-9-])*
    ;

// '/**/' is an empty block comment, not the start of a doc comment that runs to the next '*/';
// '/***/' ends where it stands too.
DOC_COMMENT
    : '/**' ('*'* ~[*/] .*?)? '*/' -> channel(HIDDEN)
    ;

BLOCK_COMMENT
    : '/*' .*? '*/' -> channel(HIDDEN)
    ;

// A block comment with no closing '*/' before the end of the file.
UNTERMINATED_COMMENT
    : '/*' (~'*' | '*'+ ~[*/])* '*'* EOF
    ;

LINE_COMMENT
    : ('//' | '#') ~[\r\n]* -> channel(HIDDEN)
    ;

WHITESPACE
    : [ \t\r\n\f]+ -> channel(HIDDEN)
    ;

// Anything else: one character the parser will report as unexpected.
UNKNOWN_CHAR
    : .
    ;
