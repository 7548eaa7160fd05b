def log = new File(basedir, 'build.log').text
assert log.contains('Tests run: 1, Failures: 0, Errors: 0')
// app generated only its own types; Money comes from lib's jar
assert new File(basedir, 'app/target/generated-sources/skiff/app/orders/Order.java').isFile()
assert !new File(basedir, 'app/target/generated-sources/skiff/lib/money/Money.java').exists()
