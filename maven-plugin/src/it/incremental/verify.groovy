def log = new File(basedir, 'build.log').text
assert log.contains('Skiff: generated 2 Java files from 2 IDL files')
assert log.contains('Skiff: nothing to regenerate, 2 IDL files up to date')
