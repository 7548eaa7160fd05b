package dev.skiff.idl.javagen;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.palantir.javapoet.NameAllocator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class JavaNamesTest {
  @ParameterizedTest
  @CsvSource({
    "user_id, UserId, USER_ID",
    "userId, UserId, USER_ID",
    "UserId, UserId, USER_ID",
    "HTTPCode, HTTPCode, HTTP_CODE",
    "value2, Value2, VALUE2",
    "_private, Private, PRIVATE",
    "ALREADY_UPPER, AlreadyUpper, ALREADY_UPPER",
    "X, X, X",
    "x, X, X"
  })
  void splitsIdentifiersIntoWords(String name, String upperCamel, String upperSnake) {
    assertEquals(upperCamel, JavaNames.upperCamel(name));
    assertEquals(upperSnake, JavaNames.upperSnake(name));
  }

  @ParameterizedTest
  @CsvSource({"Point, Point", "class, class_", "record, record_", "var, var_", "a.b, a_b"})
  void typeNamesAreLegalJavaTypeNames(String idl, String java) {
    assertEquals(java, JavaNames.typeName(idl));
  }

  @Test
  void packageSegmentsThatAreKeywordsGetAnUnderscore() {
    assertEquals("com.example.new_.int_", JavaNames.packageName("com.example.new.int"));
  }

  @Test
  void reservedNamesAreTakenFirstAndCollisionsAddMoreUnderscores() {
    NameAllocator names = JavaNames.allocator(JavaNames.STRUCT_MEMBERS);
    assertEquals("builder_", names.newName("builder"));
    assertEquals("builder__", names.newName("builder_"));
    assertEquals("long_", names.newName("long"));
    assertEquals("name", names.newName("name"));
  }
}
