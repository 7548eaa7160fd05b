package dev.skiff.idl.link;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.skiff.idl.TestFiles;
import dev.skiff.idl.diag.Diagnostic;
import dev.skiff.idl.diag.Diagnostics;
import dev.skiff.idl.schema.BaseType;
import dev.skiff.idl.schema.ConstValue;
import dev.skiff.idl.schema.ConstValue.BoolValue;
import dev.skiff.idl.schema.ConstValue.DoubleValue;
import dev.skiff.idl.schema.ConstValue.EnumValue;
import dev.skiff.idl.schema.ConstValue.IntValue;
import dev.skiff.idl.schema.ConstValue.ListValue;
import dev.skiff.idl.schema.ConstValue.MapValue;
import dev.skiff.idl.schema.ConstValue.StringValue;
import dev.skiff.idl.schema.ConstValue.StructValue;
import dev.skiff.idl.schema.EnumType;
import dev.skiff.idl.schema.Field;
import dev.skiff.idl.schema.ListType;
import dev.skiff.idl.schema.MapType;
import dev.skiff.idl.schema.Method;
import dev.skiff.idl.schema.NamedType;
import dev.skiff.idl.schema.NamedType.Kind;
import dev.skiff.idl.schema.Program;
import dev.skiff.idl.schema.QualifiedName;
import dev.skiff.idl.schema.Requiredness;
import dev.skiff.idl.schema.Schema;
import dev.skiff.idl.schema.Service;
import dev.skiff.idl.schema.SetType;
import dev.skiff.idl.schema.StructType;
import dev.skiff.idl.schema.ThriftType;
import dev.skiff.idl.schema.TypedefType;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Links each corpus file and checks the schema: resolved types, typedefs kept as aliases, constants
 * typed, ids assigned, docs carried, and the warnings each file draws, with their locations.
 */
class CorpusSchemaTest {
  private Schema schema;
  private List<String> warnings;

  @Test
  void everyCorpusFileLinksWithoutErrors() {
    List<Path> files = TestFiles.thriftFiles(TestFiles.corpus());
    assertEquals(10, files.size(), "corpus files: " + files);
    for (Path file : files) {
      Diagnostics diagnostics = new Diagnostics();
      Schema linked =
          new SchemaLoader(List.of(TestFiles.corpusIncludeDir())).load(List.of(file), diagnostics);
      assertFalse(diagnostics.hasErrors(), file + ": " + diagnostics.all());
      assertEquals(1, linked.roots().size());
    }
  }

  @Test
  void baseTypes() {
    load("types.thrift");
    StructType all = struct("types", "AllBase");

    assertEquals(
        List.of(
            BaseType.BOOL,
            BaseType.BYTE,
            BaseType.BYTE,
            BaseType.I16,
            BaseType.I32,
            BaseType.I64,
            BaseType.DOUBLE,
            BaseType.STRING,
            BaseType.BINARY),
        all.fields().stream().map(Field::type).toList());
  }

  @Test
  void containersTypedefsAndForwardReferences() {
    load("types.thrift");
    StructType containers = struct("types", "Containers");
    TypedefType count = new TypedefType(name("types", "Count"), BaseType.I32);
    TypedefType total = new TypedefType(name("types", "Total"), count);
    NamedType forward = new NamedType(name("types", "Forward"), Kind.STRUCT);
    TypedefType later = new TypedefType(name("types", "Later"), forward);
    TypedefType histogram =
        new TypedefType(
            name("types", "Histogram"), new MapType(BaseType.STRING, new ListType(total)));

    assertEquals(new ListType(BaseType.I32), type(containers, "numbers"));
    assertEquals(new SetType(BaseType.STRING), type(containers, "names"));
    assertEquals(new MapType(BaseType.STRING, BaseType.I64), type(containers, "totals"));
    assertEquals(new ListType(new ListType(new SetType(BaseType.I16))), type(containers, "nested"));
    assertEquals(
        new MapType(forward, new ListType(new MapType(BaseType.BYTE, later))),
        type(containers, "deep"));
    // cpp_type changes nothing; type annotations are accepted and dropped from the type.
    assertEquals(new ListType(BaseType.I32), type(containers, "deque"));
    assertEquals(new SetType(BaseType.STRING), type(containers, "hashed"));
    assertEquals(new MapType(BaseType.I32, BaseType.I32), type(containers, "hashmap"));
    assertEquals(new ListType(BaseType.STRING), type(containers, "annotated"));
    assertEquals(BaseType.I64, type(containers, "annotatedBase"));
    // Typedefs stay visible as aliases, each naming its own target.
    assertEquals(histogram, type(containers, "histogram"));
    assertEquals(total, type(containers, "total"));
    assertEquals(BaseType.I32, total.trueType());
    assertEquals(total, schema.typedef(name("types", "Total")).asType());
    assertEquals(Map.of("units", "items"), schema.typedef(name("types", "Count")).annotations());
  }

  @Test
  void recursiveAndMutuallyRecursiveStructs() {
    load("types.thrift");
    NamedType tree = new NamedType(name("types", "Tree"), Kind.STRUCT);
    NamedType ping = new NamedType(name("types", "Ping"), Kind.STRUCT);
    NamedType pong = new NamedType(name("types", "Pong"), Kind.STRUCT);

    StructType treeStruct = struct("types", "Tree");
    assertEquals(new ListType(tree), type(treeStruct, "children"));
    Field parent = field(treeStruct, "parent");
    assertEquals(tree, parent.type());
    assertTrue(parent.reference());
    assertEquals(Requiredness.OPTIONAL, parent.requiredness());
    assertEquals(pong, type(struct("types", "Ping"), "pong"));
    assertEquals(ping, type(struct("types", "Pong"), "ping"));
    assertEquals(new MapType(BaseType.STRING, ping), type(struct("types", "Pong"), "pings"));
    assertEquals("A recursive struct.", treeStruct.doc());
  }

  @Test
  void typesWarnings() {
    load("types.thrift");

    assertEquals(
        List.of(
            "types.thrift:12:6: warning: 'byte' is an alias of 'i8'; write 'i8' to make its sign"
                + " plain",
            "types.thrift:28:16: warning: 'cpp_type' is obsolete and ignored",
            "types.thrift:29:10: warning: 'cpp_type' is obsolete and ignored",
            "types.thrift:30:10: warning: 'cpp_type' is obsolete and ignored"),
        warnings);
  }

  @Test
  void enumValuesImplicitExplicitHexAndNegative() {
    load("enums.thrift");

    assertEquals(
        Map.of("RED", 0, "GREEN", 1, "BLUE", 2), values(schema.enumType(name("enums", "Color"))));
    EnumType mixed = schema.enumType(name("enums", "Mixed"));
    assertEquals(
        List.of("TEN", "ELEVEN", "HEX", "NEGATIVE", "AFTER_NEGATIVE", "PLUS", "LAST"),
        mixed.members().stream().map(EnumType.Member::name).toList());
    assertEquals(
        List.of(10, 11, 31, -3, -2, 7, 8),
        mixed.members().stream().map(EnumType.Member::value).toList());
    assertEquals("First explicit.", mixed.member("TEN").orElseThrow().doc());
    assertEquals(Map.of("note", "a plus sign"), mixed.member("PLUS").orElseThrow().annotations());
    assertEquals(Map.of("deprecated", "1"), mixed.member("LAST").orElseThrow().annotations());
    assertEquals(List.of("java.annotation", "flag"), List.copyOf(mixed.annotations().keySet()));
    assertEquals("1", mixed.annotations().get("flag"));
    assertEquals(List.of(), schema.enumType(name("enums", "Empty")).members());
    assertEquals(List.of(), warnings);
  }

  @Test
  void integerAndBoolConstants() {
    load("consts.thrift");

    assertConst("DECIMAL", BaseType.I32, new IntValue(42));
    assertConst("NEGATIVE", BaseType.I32, new IntValue(-17));
    assertConst("POSITIVE", BaseType.I32, new IntValue(5));
    assertConst("HEX", BaseType.I64, new IntValue(Long.MAX_VALUE));
    assertConst("NEGATIVE_HEX", BaseType.I32, new IntValue(-16));
    assertConst("LEADING_ZERO", BaseType.I64, new IntValue(98325));
    assertConst("MIN_I64", BaseType.I64, new IntValue(Long.MIN_VALUE));
    assertConst("MAX_I8", BaseType.BYTE, new IntValue(127));
    assertConst("MIN_I16", BaseType.I16, new IntValue(-32768));
    assertConst("YES", BaseType.BOOL, new BoolValue(true));
    assertConst("NO", BaseType.BOOL, new BoolValue(false));
    assertConst("ONE_FOR_TRUE", BaseType.BOOL, new BoolValue(true));
  }

  @Test
  void doubleAndStringConstants() {
    load("consts.thrift");

    assertConst("HALF", BaseType.DOUBLE, new DoubleValue(0.5));
    assertConst("BIG", BaseType.DOUBLE, new DoubleValue(1e10));
    assertConst("SMALL", BaseType.DOUBLE, new DoubleValue(-2.5e-3));
    assertConst("WHOLE", BaseType.DOUBLE, new DoubleValue(3));
    assertConst("LEADING_ZERO_DOUBLE", BaseType.DOUBLE, new DoubleValue(85.2355));
    assertConst("SIGNED", BaseType.DOUBLE, new DoubleValue(150));
    assertConst("DOUBLE_QUOTED", BaseType.STRING, new StringValue("say \"hi\"\tand\nbye\r"));
    assertConst("SINGLE_QUOTED", BaseType.STRING, new StringValue("it's a \\ backslash"));
    assertConst("MIXED_QUOTES", BaseType.STRING, new StringValue("it's"));
    assertConst("OTHER_MIXED", BaseType.STRING, new StringValue("say \"hi\""));
    assertConst("BYTES", BaseType.BINARY, new StringValue("bytes"));
  }

  @Test
  void listSetAndMapConstants() {
    load("consts.thrift");
    ListValue oneTwoThree = ints(1, 2, 3);

    assertConst("LIST", new ListType(BaseType.I32), oneTwoThree);
    assertConst("LIST_NO_SEPARATORS", new ListType(BaseType.I32), oneTwoThree);
    assertConst(
        "LIST_SEMICOLONS",
        new ListType(BaseType.STRING),
        new ListValue(List.of(new StringValue("a"), new StringValue("b"))));
    assertConst("SET", new SetType(BaseType.I16), ints(3, 1, 2));
    assertConst("EMPTY_LIST", new ListType(BaseType.I32), new ListValue(List.of()));
    MapValue oneTwo =
        new MapValue(
            List.of(
                Map.entry(new StringValue("one"), new IntValue(1)),
                Map.entry(new StringValue("two"), new IntValue(2))));
    assertConst("MAP", new MapType(BaseType.STRING, BaseType.I32), oneTwo);
    assertConst("MAP_NO_SEPARATORS", new MapType(BaseType.STRING, BaseType.I32), oneTwo);
    assertConst(
        "MAP_SEMICOLONS",
        new MapType(BaseType.I32, BaseType.STRING),
        new MapValue(
            List.of(
                Map.entry(new IntValue(1), new StringValue("one")),
                Map.entry(new IntValue(2), new StringValue("two")))));
    assertConst(
        "NESTED",
        new MapType(BaseType.STRING, new ListType(BaseType.I32)),
        new MapValue(
            List.of(
                Map.entry(new StringValue("odd"), ints(1, 3)),
                Map.entry(new StringValue("even"), ints(2, 4)))));
    assertConst("EMPTY_MAP", new MapType(BaseType.I32, BaseType.I32), new MapValue(List.of()));
  }

  @Test
  void referencesToConstantsAndEnumValues() {
    load("consts.thrift");
    QualifiedName weekday = name("consts", "Weekday");
    NamedType weekdayType = new NamedType(weekday, Kind.ENUM);
    EnumValue monday = new EnumValue(weekday, "MONDAY", 1);
    EnumValue tuesday = new EnumValue(weekday, "TUESDAY", 2);

    assertConst("REFERENCE", BaseType.I32, new IntValue(42));
    assertConst("INT_REFERENCE_AS_DOUBLE", BaseType.DOUBLE, new DoubleValue(42));
    assertConst("LIST_OF_REFERENCES", new ListType(BaseType.I32), ints(42, -17, 7));
    assertConst("ENUM_VALUE", weekdayType, tuesday);
    assertConst("ENUM_BY_INTEGER", weekdayType, monday);
    assertConst("ENUM_AS_INTEGER", BaseType.I32, new IntValue(2));
    assertConst("ENUM_LIST", new ListType(weekdayType), new ListValue(List.of(monday, tuesday)));
    assertConst(
        "ENUM_KEYS",
        new MapType(weekdayType, BaseType.STRING),
        new MapValue(List.of(Map.entry(monday, new StringValue("mon")))));
  }

  @Test
  void structAndUnionConstantsAreMapsKeyedByFieldName() {
    load("consts.thrift");
    QualifiedName point = name("consts", "Point");
    QualifiedName shape = name("consts", "Shape");

    assertConst(
        "ORIGIN",
        new NamedType(point, Kind.STRUCT),
        new StructValue(
            point, List.of(Map.entry("x", new IntValue(0)), Map.entry("y", new IntValue(0)))));
    assertConst(
        "LABELED",
        new NamedType(point, Kind.STRUCT),
        new StructValue(
            point,
            List.of(
                Map.entry("x", new IntValue(42)),
                Map.entry("y", new IntValue(-1)),
                Map.entry("label", new StringValue("here")))));
    assertConst(
        "UNIT_CIRCLE",
        new NamedType(shape, Kind.UNION),
        new StructValue(shape, List.of(Map.entry("radius", new DoubleValue(1.0)))));
    assertConst(
        "DOT",
        new NamedType(shape, Kind.UNION),
        new StructValue(
            shape,
            List.of(
                Map.entry(
                    "dot",
                    new StructValue(
                        point,
                        List.of(
                            Map.entry("x", new IntValue(1)), Map.entry("y", new IntValue(2))))))));
  }

  @Test
  void fieldDefaults() {
    load("consts.thrift");
    StructType defaults = struct("consts", "Defaults");
    QualifiedName weekday = name("consts", "Weekday");
    EnumValue monday = new EnumValue(weekday, "MONDAY", 1);

    assertEquals(new IntValue(42), defaultOf(defaults, "count"));
    assertEquals(monday, defaultOf(defaults, "day"));
    assertEquals(new EnumValue(weekday, "TUESDAY", 2), defaultOf(defaults, "by_number"));
    assertEquals(
        new StructValue(
            name("consts", "Point"),
            List.of(Map.entry("x", new IntValue(1)), Map.entry("y", new IntValue(5)))),
        defaultOf(defaults, "where"));
    assertEquals(
        new ListValue(List.of(new StringValue("a"), new StringValue("b"))),
        defaultOf(defaults, "tags"));
    assertEquals(new BoolValue(false), defaultOf(defaults, "enabled"));
    assertEquals(new DoubleValue(1), defaultOf(defaults, "rate"));
    assertEquals(new StringValue("default"), defaultOf(defaults, "name"));
    assertEquals(
        new MapValue(List.of(Map.entry(new StringValue("first"), monday))),
        defaultOf(defaults, "days"));
    assertEquals(List.of(), warnings);
  }

  @Test
  void fieldsIdsRequirednessReferencesAndAnnotations() {
    load("structs.thrift");
    StructType person = struct("structs", "Person");

    assertEquals(List.of(1, 2, 3, 4, 5, 6, 7), person.fields().stream().map(Field::id).toList());
    assertEquals(
        List.of(
            Requiredness.REQUIRED,
            Requiredness.OPTIONAL,
            Requiredness.DEFAULT,
            Requiredness.DEFAULT,
            Requiredness.DEFAULT,
            Requiredness.OPTIONAL,
            Requiredness.DEFAULT),
        person.fields().stream().map(Field::requiredness).toList());
    assertEquals(
        List.of(false, false, false, false, false, true, false),
        person.fields().stream().map(Field::reference).toList());
    assertEquals(
        new EnumValue(name("structs", "Status"), "ACTIVE", 0), defaultOf(person, "status"));
    assertEquals(new ListValue(List.of()), defaultOf(person, "friends"));
    assertEquals(new BoolValue(false), defaultOf(person, "verified"));
    assertEquals(Map.of("cpp.ref_type", "shared"), field(person, "mentor").annotations());
    assertEquals(Map.of("java.final", "true"), person.annotations());
    assertEquals(List.of(1, 100, 0x7fff), ids(struct("structs", "Sparse")));
  }

  @Test
  void missingAndNonPositiveIdsAreAssignedCountingDown() {
    load("structs.thrift");
    StructType noIds = struct("structs", "NoIds");

    assertEquals(List.of(-1, -2, -3, -4), ids(noIds));
    assertTrue(noIds.fields().stream().allMatch(Field::hasAssignedId));
    assertEquals(BaseType.STRING, type(noIds, "first"));
    assertEquals(BaseType.BOOL, type(noIds, "zero"));
  }

  @Test
  void unionsExceptionsAndEmptyStructs() {
    load("structs.thrift");
    StructType value = struct("structs", "Value");

    assertTrue(value.isUnion());
    assertEquals(Kind.UNION, value.kind());
    assertEquals(List.of(1, 2, 3, 4), ids(value));
    assertEquals(Map.of("union.ann", "u"), value.annotations());
    StructType notFound = struct("structs", "NotFound");
    assertTrue(notFound.isException());
    assertEquals(new IntValue(0), defaultOf(notFound, "id"));
    assertEquals(Map.of("http.status", "404"), notFound.annotations());
    assertTrue(struct("structs", "Empty").isException());
    assertEquals(List.of(), struct("structs", "Empty").fields());
    assertEquals(Kind.STRUCT, struct("structs", "Nothing").kind());
    assertEquals(List.of(1, 2, 3, 4), ids(struct("structs", "Xsd")));
  }

  @Test
  void structsWarnings() {
    load("structs.thrift");
    String noId = " in struct 'NoIds'; assigned %d, which old and new peers may not agree on";

    assertEquals(
        List.of(
            "structs.thrift:21:10: warning: no field id for 'first'" + noId.formatted(-1),
            "structs.thrift:22:7: warning: no field id for 'second'" + noId.formatted(-2),
            "structs.thrift:23:11: warning: non-positive field id -1 for 'negative'"
                + noId.formatted(-3),
            "structs.thrift:24:11: warning: non-positive field id 0 for 'zero'"
                + noId.formatted(-4),
            "structs.thrift:33:12: warning: 'xsd_all' is obsolete and ignored",
            "structs.thrift:34:16: warning: 'xsd_optional' is obsolete and ignored",
            "structs.thrift:35:19: warning: 'xsd_nillable' is obsolete and ignored",
            "structs.thrift:36:15: warning: 'xsd_optional' is obsolete and ignored",
            "structs.thrift:36:28: warning: 'xsd_nillable' is obsolete and ignored",
            "structs.thrift:37:24: warning: 'xsd_attrs' is obsolete and ignored"),
        warnings);
  }

  @Test
  void servicesMethodsAndInheritance() {
    load("services.thrift");
    Service base = service("services", "Base");
    Service full = service("services", "Full");

    assertEquals(Optional.of(name("services", "Base")), full.extendsName());
    assertEquals(
        List.of("ping", "fire", "add", "list_items", "legacy_fire", "noargs", "complicated"),
        schema.allMethods(full).stream().map(Method::name).toList());
    assertEquals(
        List.of("ping", "fire"), schema.allMethods(base).stream().map(Method::name).toList());

    Method fire = method(base, "fire");
    assertTrue(fire.oneway());
    assertTrue(fire.isVoid());
    Method legacyFire = method(full, "legacy_fire");
    assertTrue(legacyFire.oneway(), "async is oneway");
    Method add = method(full, "add");
    assertFalse(add.oneway());
    assertEquals(Optional.of(BaseType.I32), add.returnType());
    assertEquals(List.of("a", "b"), add.parameters().stream().map(Field::name).toList());

    Method listItems = method(full, "list_items");
    assertEquals(
        Optional.of(new NamedType(name("services", "Page"), Kind.STRUCT)), listItems.returnType());
    assertEquals(new IntValue(20), listItems.parameters().get(0).defaultValue());
    assertEquals(
        Requiredness.DEFAULT,
        listItems.parameters().get(1).requiredness(),
        "optional is ignored on arguments");
    assertEquals(
        List.of(
            new NamedType(name("services", "Unavailable"), Kind.EXCEPTION),
            new NamedType(name("services", "Denied"), Kind.EXCEPTION)),
        listItems.exceptions().stream().map(Field::type).toList());
    assertEquals(List.of(1, 2), listItems.exceptions().stream().map(Field::id).toList());

    assertEquals(Map.of("idempotent", "1", "timeout", "5s"), method(full, "noargs").annotations());
    assertEquals(
        Optional.of(new MapType(BaseType.STRING, new ListType(BaseType.I64))),
        method(full, "complicated").returnType());
    assertEquals(Map.of("service.ann", "full"), full.annotations());
    assertEquals(
        List.of(
            "services.thrift:26:66: warning: 'optional' is ignored on argument 'cursor'",
            "services.thrift:28:3: warning: 'async' is obsolete; write 'oneway'"),
        warnings);
  }

  @Test
  void includesResolveRelativeToTheFileThenThroughIncludeDirectories() {
    load("headers.thrift");

    assertEquals(
        List.of("shared", "deep", "library", "headers"),
        schema.programs().stream().map(Program::name).toList(),
        "included programs come first");
    assertEquals(List.of("headers"), schema.roots().stream().map(Program::name).toList());
    Program headers = schema.program("headers").orElseThrow();
    assertEquals(List.of("shared", "deep", "library"), headers.includes());
    assertTrue(
        schema.program("deep").orElseThrow().path().endsWith(Path.of("nested", "deep.thrift")));
    assertTrue(
        schema.program("library").orElseThrow().path().endsWith(Path.of("idir", "library.thrift")));

    StructType uses = struct("headers", "Uses");
    assertEquals(new NamedType(name("shared", "Thing"), Kind.STRUCT), type(uses, "thing"));
    assertEquals(new NamedType(name("deep", "Depth"), Kind.STRUCT), type(uses, "depth"));
    assertEquals(new NamedType(name("library", "Book"), Kind.STRUCT), type(uses, "book"));
    assertEquals(new EnumValue(name("shared", "Level"), "HIGH", 2), defaultOf(uses, "level"));
    TypedefType things =
        new TypedefType(
            name("shared", "Things"),
            new ListType(new NamedType(name("shared", "Thing"), Kind.STRUCT)));
    assertEquals(things, type(uses, "things"));
    assertEquals(
        new TypedefType(
            name("headers", "SharedThing"), new NamedType(name("shared", "Thing"), Kind.STRUCT)),
        type(uses, "aliased"));
    assertConst(name("headers", "LIMIT"), BaseType.I32, new IntValue(64));
  }

  @Test
  void servicesExtendServicesOfIncludedFiles() {
    load("headers.thrift");
    Service headers = service("headers", "Headers");

    assertEquals(Optional.of(name("shared", "BaseService")), headers.extendsName());
    assertEquals(
        List.of("ping", "get"), schema.allMethods(headers).stream().map(Method::name).toList());
    Method get = method(headers, "get");
    assertEquals(
        Optional.of(new NamedType(name("shared", "Thing"), Kind.STRUCT)), get.returnType());
    assertEquals(
        new NamedType(name("shared", "SharedError"), Kind.EXCEPTION),
        get.exceptions().get(0).type());
    assertEquals(
        Optional.of(name("library", "Catalog")), service("headers", "Shelf").extendsName());
    assertEquals(
        List.of("find"),
        schema.allMethods(service("headers", "Shelf")).stream().map(Method::name).toList());
  }

  @Test
  void namespacesAndCppIncludes() {
    load("headers.thrift");
    Program headers = schema.program("headers").orElseThrow();

    assertEquals(
        List.of("java", "*", "cpp", "cpp.noexist", "noexist", "py", "xsd"),
        List.copyOf(headers.namespaces().keySet()));
    assertEquals("corpus_y", headers.namespaces().get("noexist"));
    assertEquals("test", headers.namespaces().get("xsd"));
    assertEquals(Optional.of("dev.skiff.corpus.headers"), headers.javaPackage());
    assertEquals(List.of("<vector>", "local.h"), headers.cppIncludes());
    assertEquals(List.of(), warnings);
  }

  @Test
  void docCommentsReachTheSchema() {
    load("comments.thrift");
    StructType documented = struct("comments", "Documented");

    assertEquals("A documented struct.\n\nIts doc has two paragraphs.", documented.doc());
    assertEquals(
        List.of("A documented field.", "", ""),
        documented.fields().stream().map(Field::doc).toList());
    EnumType documents = schema.enumType(name("comments", "Documents"));
    assertEquals("A documented enum.", documents.doc());
    assertEquals("A documented value.", documents.member("FIRST").orElseThrow().doc());
    assertEquals("", documents.member("SECOND").orElseThrow().doc());
    assertEquals(2, documents.member("SECOND").orElseThrow().value());
    Service commented = service("comments", "Commented");
    assertEquals("A documented service.", commented.doc());
    Method call = method(commented, "call");
    assertEquals("A documented function.", call.doc());
    assertEquals("A documented argument.", call.parameters().get(0).doc());
    assertEquals("", schema.constant(name("comments", "EMPTY_DOC")).doc());
    assertEquals("", schema.constant(name("comments", "NO_DOC")).doc());
  }

  @Test
  void oldFormsAreReadWithWarnings() {
    load("legacy.thrift");
    Program legacy = schema.program("legacy").orElseThrow();

    assertEquals(Optional.of("dev.skiff.corpus.legacy"), legacy.javaPackage());
    assertEquals(
        Map.ofEntries(
            Map.entry("cpp", "corpus.legacy"),
            Map.entry("java", "dev.skiff.corpus.legacy"),
            Map.entry("php", "corpus_legacy"),
            Map.entry("py", "corpus.legacy"),
            Map.entry("perl", "corpus.legacy"),
            Map.entry("rb", "Corpus.Legacy"),
            Map.entry("smalltalk.category", "Corpus-Legacy"),
            Map.entry("smalltalk.prefix", "CL"),
            Map.entry("xsd", "http://skiff.dev/legacy"),
            Map.entry("csharp", "Corpus.Legacy"),
            Map.entry("delphi", "Corpus.Legacy"),
            Map.entry("cocoa", "CL")),
        legacy.namespaces());
    // senum is a string typedef; slist is a string.
    assertEquals(BaseType.STRING, schema.typedef(name("legacy", "Flavor")).target());
    StructType request = struct("legacy", "Request");
    assertEquals(BaseType.STRING, type(request, "names"));
    QualifiedName consistency = name("legacy", "Consistency");
    assertEquals(new EnumValue(consistency, "QUORUM", 2), defaultOf(request, "level"));
    assertEquals(new StringValue("vanilla"), defaultOf(request, "flavor"));
    assertEquals(
        new EnumValue(consistency, "ONE", 1),
        method(service("legacy", "Legacy"), "call").parameters().get(0).defaultValue());

    String[][] oldNamespaces = {
      {"cpp_namespace", "cpp corpus.legacy"},
      {"java_package", "java dev.skiff.corpus.legacy"},
      {"php_namespace", "php corpus_legacy"},
      {"py_module", "py corpus.legacy"},
      {"perl_package", "perl corpus.legacy"},
      {"ruby_namespace", "rb Corpus.Legacy"},
      {"smalltalk_category", "smalltalk.category Corpus-Legacy"},
      {"smalltalk_prefix", "smalltalk.prefix CL"},
      {"xsd_namespace", "xsd http://skiff.dev/legacy"},
      {"csharp_namespace", "csharp Corpus.Legacy"},
      {"delphi_namespace", "delphi Corpus.Legacy"},
      {"cocoa_prefix", "cocoa CL"}
    };
    for (int i = 0; i < oldNamespaces.length; i++) {
      assertEquals(
          "legacy.thrift:"
              + (i + 3)
              + ":1: warning: '"
              + oldNamespaces[i][0]
              + "' is obsolete; write 'namespace "
              + oldNamespaces[i][1]
              + "'",
          warnings.get(i));
    }
    assertEquals(
        List.of(
            "legacy.thrift:16:1: warning: 'senum' is obsolete; 'Flavor' is treated as a string",
            "legacy.thrift:28:6: warning: 'slist' is obsolete; it is treated as a string"),
        warnings.subList(oldNamespaces.length, warnings.size()));
  }

  @Test
  void keywordsAsFieldNamesAndTheUuidType() {
    load("modern.thrift");
    StructType keywords = struct("modern", "Keywords");

    assertEquals(
        List.of(
            "string",
            "i32",
            "list",
            "map",
            "required",
            "optional",
            "namespace",
            "include",
            "service",
            "struct",
            "exception",
            "oneway",
            "async",
            "void",
            "throws",
            "extends",
            "typedef",
            "enum",
            "const",
            "union",
            "uuid",
            "binary",
            "cpp_include",
            "cpp_type",
            "set",
            "i8",
            "i16",
            "i64",
            "double",
            "bool",
            "byte"),
        keywords.fields().stream().map(Field::name).toList());
    assertEquals(BaseType.STRING, type(keywords, "string"));
    assertEquals(new ListType(BaseType.I32), type(keywords, "list"));
    assertEquals(BaseType.BOOL, type(keywords, "required"));
    assertEquals(BaseType.UUID, type(keywords, "uuid"));
    assertEquals(
        new StringValue("6ba7b810-9dad-11d1-80b4-00c04fd430c8"), defaultOf(keywords, "uuid"));
    assertConst(
        name("modern", "ZERO_ID"),
        BaseType.UUID,
        new StringValue("00000000-0000-0000-0000-000000000000"));
    Method identify = method(service("modern", "Modern"), "identify");
    assertEquals(Optional.of(BaseType.UUID), identify.returnType());
    assertEquals(List.of("id", "string"), identify.parameters().stream().map(Field::name).toList());
    assertEquals(
        List.of(
            "modern.thrift:32:11: warning: 'byte' is an alias of 'i8'; write 'i8' to make its sign"
                + " plain",
            "modern.thrift:38:7: warning: 'byte' is an alias of 'i8'; write 'i8' to make its sign"
                + " plain"),
        warnings);
  }

  // ---- helpers -------------------------------------------------------------------------------

  private void load(String file) {
    Diagnostics diagnostics = new Diagnostics();
    schema =
        new SchemaLoader(List.of(TestFiles.corpusIncludeDir()))
            .load(List.of(TestFiles.corpus().resolve(file)), diagnostics);
    assertFalse(diagnostics.hasErrors(), diagnostics.all().toString());
    warnings = diagnostics.all().stream().map(CorpusSchemaTest::withFileName).toList();
  }

  /** {@code name.thrift:line:col: severity: message}, without the directories. */
  static String withFileName(Diagnostic d) {
    return d.location().file().getFileName()
        + ":"
        + d.location().line()
        + ":"
        + d.location().column()
        + ": "
        + d.severity().label()
        + ": "
        + d.message();
  }

  private static QualifiedName name(String program, String name) {
    return new QualifiedName(program, name);
  }

  private StructType struct(String program, String name) {
    return schema.struct(name(program, name));
  }

  private Service service(String program, String name) {
    return schema.service(name(program, name));
  }

  private static Field field(StructType struct, String name) {
    return struct.field(name).orElseThrow(() -> new AssertionError("no field " + name));
  }

  private static ThriftType type(StructType struct, String fieldName) {
    return field(struct, fieldName).type();
  }

  private static ConstValue defaultOf(StructType struct, String fieldName) {
    return field(struct, fieldName).defaultValue();
  }

  private static List<Integer> ids(StructType struct) {
    return struct.fields().stream().map(Field::id).toList();
  }

  private static Method method(Service service, String name) {
    return service.methods().stream()
        .filter(m -> m.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no method " + name));
  }

  private static Map<String, Integer> values(EnumType type) {
    return type.members().stream()
        .collect(java.util.stream.Collectors.toMap(EnumType.Member::name, EnumType.Member::value));
  }

  private static ListValue ints(long... values) {
    return new ListValue(
        java.util.Arrays.stream(values).<ConstValue>mapToObj(IntValue::new).toList());
  }

  private void assertConst(String name, ThriftType type, ConstValue value) {
    assertConst(name("consts", name), type, value);
  }

  private void assertConst(QualifiedName name, ThriftType type, ConstValue value) {
    assertEquals(type, schema.constant(name).type(), name + " type");
    assertEquals(value, schema.constant(name).value(), name + " value");
  }
}
