def log = new File(basedir, 'build.log').text
assert log.contains('Skiff: generated')
assert new File(basedir, 'target/generated-sources/skiff/demo/shapes/Point.java').isFile()
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
