package dev.skiff.idl.parser;

import dev.skiff.idl.diag.Diagnostics;
import dev.skiff.idl.diag.Location;
import dev.skiff.idl.element.AnnotationElement;
import dev.skiff.idl.element.ConstValueElement;
import dev.skiff.idl.element.DefinitionElement;
import dev.skiff.idl.element.DefinitionElement.StructKind;
import dev.skiff.idl.element.FieldElement;
import dev.skiff.idl.element.FileElement;
import dev.skiff.idl.element.TypeElement;
import dev.skiff.idl.schema.Requiredness;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.antlr.v4.runtime.BufferedTokenStream;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;

/**
 * Walks a parse tree into {@link FileElement}s. Reports what the grammar lets through but the
 * language does not allow (bad escapes, integers out of range, a map with one type argument) and
 * warns about obsolete forms.
 */
final class ElementBuilder {
  /** The namespace declarations of old Thrift releases, and the scope each one stands for. */
  private static final Map<String, String> OLD_NAMESPACES =
      Map.ofEntries(
          Map.entry("cpp_namespace", "cpp"),
          Map.entry("java_package", "java"),
          Map.entry("php_namespace", "php"),
          Map.entry("py_module", "py"),
          Map.entry("perl_package", "perl"),
          Map.entry("ruby_namespace", "rb"),
          Map.entry("smalltalk_category", "smalltalk.category"),
          Map.entry("smalltalk_prefix", "smalltalk.prefix"),
          Map.entry("xsd_namespace", "xsd"),
          Map.entry("csharp_namespace", "csharp"),
          Map.entry("delphi_namespace", "delphi"),
          Map.entry("cocoa_prefix", "cocoa"));

  /**
   * How deeply container types and values may be written inside one another: far beyond any real
   * file, and low enough that the stages after parsing, which recurse once per level, stay far from
   * the end of the stack (where the JDK may turn a StackOverflowError into another exception).
   */
  static final int MAX_NESTING = 64;

  private final Path file;
  private final BufferedTokenStream tokens;
  private final Diagnostics diagnostics;

  /** How many container types or values enclose the one being built. */
  private int nesting;

  ElementBuilder(Path file, BufferedTokenStream tokens, Diagnostics diagnostics) {
    this.file = file;
    this.tokens = tokens;
    this.diagnostics = diagnostics;
  }

  FileElement build(ThriftParser.DocumentContext document) {
    List<FileElement.Include> includes = new ArrayList<>();
    List<FileElement.Namespace> namespaces = new ArrayList<>();
    List<String> cppIncludes = new ArrayList<>();
    for (ThriftParser.HeaderContext header : document.header()) {
      if (header.include_() != null) {
        Token path = header.include_().LITERAL().getSymbol();
        includes.add(new FileElement.Include(locationOf(header), unquote(path)));
      } else if (header.cppInclude() != null) {
        cppIncludes.add(unquote(header.cppInclude().LITERAL().getSymbol()));
      } else if (header.namespace_() != null) {
        namespaces.add(namespace(header.namespace_()));
      } else if (header.oldNamespace() != null) {
        FileElement.Namespace old = oldNamespace(header.oldNamespace());
        if (old != null) {
          namespaces.add(old);
        }
      }
    }
    List<DefinitionElement> definitions = new ArrayList<>();
    for (ThriftParser.DefinitionContext definition : document.definition()) {
      DefinitionElement element = definition(definition);
      if (element != null) {
        definitions.add(element);
      }
    }
    return new FileElement(file, includes, namespaces, cppIncludes, definitions);
  }

  private FileElement.Namespace namespace(ThriftParser.Namespace_Context ctx) {
    ThriftParser.NamespaceValueContext valueCtx = ctx.value;
    String value =
        valueCtx.LITERAL() != null ? unquote(valueCtx.LITERAL().getSymbol()) : valueCtx.getText();
    return new FileElement.Namespace(
        locationOf(ctx), ctx.scope.getText(), value, annotations(ctx.annotations()));
  }

  private FileElement.Namespace oldNamespace(ThriftParser.OldNamespaceContext ctx) {
    String keyword = ctx.IDENTIFIER(0).getText();
    String scope = OLD_NAMESPACES.get(keyword);
    if (scope == null) {
      diagnostics.error(locationOf(ctx), "unexpected '" + keyword + "'");
      return null;
    }
    Token valueToken = ctx.getStop();
    String value =
        valueToken.getType() == ThriftLexer.LITERAL ? unquote(valueToken) : valueToken.getText();
    diagnostics.warning(
        locationOf(ctx),
        "'" + keyword + "' is obsolete; write 'namespace " + scope + " " + value + "'");
    return new FileElement.Namespace(locationOf(ctx), scope, value, List.of());
  }

  private DefinitionElement definition(ThriftParser.DefinitionContext ctx) {
    if (ctx.constDef() != null) {
      ThriftParser.ConstDefContext c = ctx.constDef();
      return new DefinitionElement.Const(
          locationOf(c.name),
          c.name.getText(),
          type(c.fieldType()),
          constValue(c.constValue()),
          docOf(c));
    }
    if (ctx.typedefDef() != null) {
      ThriftParser.TypedefDefContext t = ctx.typedefDef();
      return new DefinitionElement.Typedef(
          locationOf(t.name),
          t.name.getText(),
          type(t.fieldType()),
          annotations(t.annotations()),
          docOf(t));
    }
    if (ctx.enumDef() != null) {
      return enumDef(ctx.enumDef());
    }
    if (ctx.senumDef() != null) {
      // senum was a string enum; its values were never checked. Treat it as a string alias.
      ThriftParser.SenumDefContext s = ctx.senumDef();
      diagnostics.warning(
          locationOf(s), "'senum' is obsolete; '" + s.name.getText() + "' is treated as a string");
      return new DefinitionElement.Typedef(
          locationOf(s.name),
          s.name.getText(),
          new TypeElement.Base(locationOf(s), "string", List.of()),
          annotations(s.annotations()),
          docOf(s));
    }
    if (ctx.structDef() != null) {
      ThriftParser.StructDefContext s = ctx.structDef();
      warnXsdAll(s.xsdAll);
      return struct(StructKind.STRUCT, s, s.name, s.field(), s.annotations());
    }
    if (ctx.unionDef() != null) {
      ThriftParser.UnionDefContext u = ctx.unionDef();
      warnXsdAll(u.xsdAll);
      return struct(StructKind.UNION, u, u.name, u.field(), u.annotations());
    }
    if (ctx.exceptionDef() != null) {
      ThriftParser.ExceptionDefContext e = ctx.exceptionDef();
      return struct(StructKind.EXCEPTION, e, e.name, e.field(), e.annotations());
    }
    if (ctx.serviceDef() != null) {
      return service(ctx.serviceDef());
    }
    return null; // a syntax error already reported
  }

  private void warnXsdAll(Token xsdAll) {
    if (xsdAll != null) {
      diagnostics.warning(locationOf(xsdAll), "'xsd_all' is obsolete and ignored");
    }
  }

  private DefinitionElement.Enum enumDef(ThriftParser.EnumDefContext ctx) {
    List<DefinitionElement.EnumMember> members = new ArrayList<>();
    for (ThriftParser.EnumMemberContext m : ctx.enumMember()) {
      Long value = m.integer() == null ? null : integer(m.integer());
      members.add(
          new DefinitionElement.EnumMember(
              locationOf(m.name), m.name.getText(), value, annotations(m.annotations()), docOf(m)));
    }
    return new DefinitionElement.Enum(
        locationOf(ctx.name),
        ctx.name.getText(),
        members,
        annotations(ctx.annotations()),
        docOf(ctx));
  }

  private DefinitionElement.Struct struct(
      StructKind kind,
      ParserRuleContext ctx,
      Token name,
      List<ThriftParser.FieldContext> fields,
      ThriftParser.AnnotationsContext annotations) {
    return new DefinitionElement.Struct(
        locationOf(name),
        kind,
        name.getText(),
        fields(fields),
        annotations(annotations),
        docOf(ctx));
  }

  private DefinitionElement.Service service(ThriftParser.ServiceDefContext ctx) {
    List<DefinitionElement.Function> functions = new ArrayList<>();
    for (ThriftParser.FunctionContext f : ctx.function()) {
      functions.add(function(f));
    }
    return new DefinitionElement.Service(
        locationOf(ctx.name),
        ctx.name.getText(),
        ctx.superName == null ? null : ctx.superName.getText(),
        ctx.superName == null ? null : locationOf(ctx.superName),
        functions,
        annotations(ctx.annotations()),
        docOf(ctx));
  }

  private DefinitionElement.Function function(ThriftParser.FunctionContext ctx) {
    if (ctx.ASYNC() != null) {
      diagnostics.warning(
          locationOf(ctx.ASYNC().getSymbol()), "'async' is obsolete; write 'oneway'");
    }
    ThriftParser.FunctionTypeContext returnType = ctx.functionType();
    List<FieldElement> exceptions =
        ctx.throwsList() == null ? List.of() : fields(ctx.throwsList().field());
    return new DefinitionElement.Function(
        locationOf(ctx.name),
        ctx.name.getText(),
        ctx.ONEWAY() != null || ctx.ASYNC() != null,
        returnType.VOID() != null ? null : type(returnType.fieldType()),
        fields(ctx.field()),
        exceptions,
        annotations(ctx.annotations()),
        docOf(ctx));
  }

  private List<FieldElement> fields(List<ThriftParser.FieldContext> contexts) {
    List<FieldElement> fields = new ArrayList<>(contexts.size());
    for (ThriftParser.FieldContext ctx : contexts) {
      fields.add(field(ctx));
    }
    return fields;
  }

  private FieldElement field(ThriftParser.FieldContext ctx) {
    Integer id = null;
    if (ctx.fieldId() != null) {
      long value = integer(ctx.fieldId().integer());
      if (value < Short.MIN_VALUE || value > Short.MAX_VALUE) {
        diagnostics.error(
            locationOf(ctx.fieldId()), "field id " + value + " is out of the i16 range");
      } else {
        id = (int) value;
      }
    }
    Requiredness requiredness = Requiredness.DEFAULT;
    if (ctx.requiredness() != null) {
      requiredness =
          ctx.requiredness().getText().equals("required")
              ? Requiredness.REQUIRED
              : Requiredness.OPTIONAL;
    }
    for (Token xsd :
        new Token[] {
          ctx.xsdOptional,
          ctx.xsdNillable,
          ctx.xsdAttrs() == null ? null : ctx.xsdAttrs().getStart()
        }) {
      if (xsd != null) {
        diagnostics.warning(locationOf(xsd), "'" + xsd.getText() + "' is obsolete and ignored");
      }
    }
    return new FieldElement(
        locationOf(ctx.fieldName()),
        id,
        requiredness,
        type(ctx.fieldType()),
        ctx.fieldName().getText(),
        ctx.reference != null,
        ctx.constValue() == null ? null : constValue(ctx.constValue()),
        annotations(ctx.annotations()),
        docOf(ctx));
  }

  private TypeElement type(ThriftParser.FieldTypeContext ctx) {
    if (!(ctx instanceof ThriftParser.ContainerTypeRefContext)) {
      return typeWithin(ctx);
    }
    if (!enterNesting(ctx, "container types")) {
      return new TypeElement.Base(locationOf(ctx), "i32", List.of());
    }
    try {
      return typeWithin(ctx);
    } finally {
      nesting--;
    }
  }

  private TypeElement typeWithin(ThriftParser.FieldTypeContext ctx) {
    if (ctx instanceof ThriftParser.NamedTypeContext named) {
      return new TypeElement.Named(
          locationOf(named), named.IDENTIFIER().getText(), annotations(named.annotations()));
    }
    if (ctx instanceof ThriftParser.BaseTypeRefContext base) {
      String name = base.baseType().getText();
      if (name.equals("slist")) {
        diagnostics.warning(locationOf(base), "'slist' is obsolete; it is treated as a string");
        name = "string";
      }
      return new TypeElement.Base(locationOf(base), name, annotations(base.annotations()));
    }
    ThriftParser.ContainerTypeRefContext container = (ThriftParser.ContainerTypeRefContext) ctx;
    List<AnnotationElement> annotations = annotations(container.annotations());
    Location location = locationOf(container);
    ThriftParser.ContainerTypeContext inner = container.containerType();
    if (inner instanceof ThriftParser.ListTypeContext list) {
      return new TypeElement.ListOf(
          location, type(list.fieldType()), cppType(list.cppType()), annotations);
    }
    if (inner instanceof ThriftParser.SetTypeContext set) {
      return new TypeElement.SetOf(
          location, type(set.fieldType()), cppType(set.cppType()), annotations);
    }
    ThriftParser.MapTypeContext map = (ThriftParser.MapTypeContext) inner;
    TypeElement key = type(map.fieldType(0));
    TypeElement value;
    if (map.fieldType().size() < 2) {
      diagnostics.error(location, "map needs a key and a value type: map<K, V>");
      value = key;
    } else {
      value = type(map.fieldType(1));
    }
    return new TypeElement.MapOf(location, key, value, cppType(map.cppType()), annotations);
  }

  private String cppType(ThriftParser.CppTypeContext ctx) {
    if (ctx == null) {
      return null;
    }
    diagnostics.warning(locationOf(ctx), "'cpp_type' is obsolete and ignored");
    return unquote(ctx.LITERAL().getSymbol());
  }

  private ConstValueElement constValue(ThriftParser.ConstValueContext ctx) {
    if (!(ctx instanceof ThriftParser.ListConstContext
        || ctx instanceof ThriftParser.MapConstContext)) {
      return constValueWithin(ctx);
    }
    if (!enterNesting(ctx, "list and map values")) {
      return new ConstValueElement.IntLiteral(locationOf(ctx), 0, "0");
    }
    try {
      return constValueWithin(ctx);
    } finally {
      nesting--;
    }
  }

  /**
   * Enters a container type or value written inside others; past {@link #MAX_NESTING} levels,
   * reports an error instead. The placeholder the caller then returns is never linked: the file has
   * errors.
   */
  private boolean enterNesting(ParserRuleContext ctx, String what) {
    if (nesting == MAX_NESTING) {
      diagnostics.error(locationOf(ctx), what + " are nested more than " + MAX_NESTING + " deep");
      return false;
    }
    nesting++;
    return true;
  }

  private ConstValueElement constValueWithin(ThriftParser.ConstValueContext ctx) {
    Location location = locationOf(ctx);
    if (ctx instanceof ThriftParser.IntConstContext i) {
      return new ConstValueElement.IntLiteral(location, integer(i.integer()), i.getText());
    }
    if (ctx instanceof ThriftParser.DoubleConstContext d) {
      return new ConstValueElement.DoubleLiteral(
          location, Double.parseDouble(d.getText()), d.getText());
    }
    if (ctx instanceof ThriftParser.StringConstContext s) {
      return new ConstValueElement.StringLiteral(location, unquote(s.LITERAL().getSymbol()));
    }
    if (ctx instanceof ThriftParser.IdentifierConstContext id) {
      // Apache's lexer reads true and false as the integers 1 and 0.
      return switch (id.getText()) {
        case "true" -> new ConstValueElement.IntLiteral(location, 1, "true");
        case "false" -> new ConstValueElement.IntLiteral(location, 0, "false");
        default -> new ConstValueElement.Identifier(location, id.getText());
      };
    }
    if (ctx instanceof ThriftParser.ListConstContext list) {
      List<ConstValueElement> elements = new ArrayList<>();
      for (ThriftParser.ConstValueContext element : list.constValue()) {
        elements.add(constValue(element));
      }
      return new ConstValueElement.ListLiteral(location, elements);
    }
    ThriftParser.MapConstContext map = (ThriftParser.MapConstContext) ctx;
    List<ConstValueElement.Entry> entries = new ArrayList<>();
    List<ThriftParser.ConstValueContext> values = map.constValue();
    for (int i = 0; i + 1 < values.size(); i += 2) {
      entries.add(
          new ConstValueElement.Entry(constValue(values.get(i)), constValue(values.get(i + 1))));
    }
    return new ConstValueElement.MapLiteral(location, entries);
  }

  private long integer(ThriftParser.IntegerContext ctx) {
    String text = ctx.getText();
    boolean hex = ctx.HEX_INTEGER() != null;
    boolean negative = text.startsWith("-");
    String digits = text.replaceFirst("^[+-]", "");
    if (hex) {
      digits = digits.substring(2);
    }
    BigInteger value = new BigInteger(digits, hex ? 16 : 10);
    if (negative) {
      value = value.negate();
    }
    if (value.bitLength() > 63) {
      diagnostics.error(locationOf(ctx), "integer " + text + " is out of the i64 range");
      return 0;
    }
    return value.longValue();
  }

  private List<AnnotationElement> annotations(ThriftParser.AnnotationsContext ctx) {
    if (ctx == null) {
      return List.of();
    }
    List<AnnotationElement> annotations = new ArrayList<>();
    for (ThriftParser.AnnotationContext a : ctx.annotation()) {
      String value = a.value == null ? "1" : unquote(a.value);
      annotations.add(new AnnotationElement(locationOf(a), a.key.getText(), value));
    }
    return annotations;
  }

  /** The text of a string literal token without its quotes, escapes applied. */
  private String unquote(Token token) {
    String text = token.getText();
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 1; i < text.length() - 1; i++) {
      char c = text.charAt(i);
      if (c != '\\') {
        out.append(c);
        continue;
      }
      char escaped = text.charAt(++i);
      switch (escaped) {
        case 'r' -> out.append('\r');
        case 'n' -> out.append('\n');
        case 't' -> out.append('\t');
        case '"', '\'', '\\' -> out.append(escaped);
        default ->
            diagnostics.error(
                new Location(file, token.getLine(), token.getCharPositionInLine() + i),
                "bad escape '\\"
                    + escaped
                    + "' in string literal; Thrift allows \\r \\n \\t \\\" \\' \\\\");
      }
    }
    return out.toString();
  }

  /** The text of the doc comment right before {@code ctx}, without its markers; or empty. */
  private String docOf(ParserRuleContext ctx) {
    List<Token> hidden = tokens.getHiddenTokensToLeft(ctx.getStart().getTokenIndex());
    if (hidden == null) {
      return "";
    }
    for (int i = hidden.size() - 1; i >= 0; i--) {
      Token token = hidden.get(i);
      if (token.getType() == ThriftLexer.DOC_COMMENT) {
        return DocComments.clean(token.getText());
      }
      if (token.getType() != ThriftLexer.WHITESPACE) {
        return "";
      }
    }
    return "";
  }

  private Location locationOf(ParserRuleContext ctx) {
    return locationOf(ctx.getStart());
  }

  private Location locationOf(Token token) {
    return new Location(file, token.getLine(), token.getCharPositionInLine() + 1);
  }
}
