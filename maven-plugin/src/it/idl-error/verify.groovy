def log = new File(basedir, 'build.log').text
assert log.contains('broken.thrift:3:6: error: unknown type \'Strin\'')
assert log.contains('broken.thrift:4:13: error: duplicate field id 1 in struct \'User\'')
assert log.contains('2 errors in Thrift IDL')
assert !log.contains('at dev.skiff')
