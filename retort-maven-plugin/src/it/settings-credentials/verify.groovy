// server retort-staging in the ITs' settings.xml: user deployer, password s3cret-from-settings (encrypted there)
def log = new File(basedir, 'build.log').text
assert log.contains('postgresql://deployer:***@127.0.0.1:1/easysochi') : 'the URL with the user of server retort-staging, masked'
assert !log.contains('cannot decrypt') : 'the encrypted password was decrypted'
assert !log.contains('s3cret-from-settings') : 'the password must never be printed'
assert !log.contains('onCmNC3') : 'nor its encrypted form'
assert log.contains('BUILD FAILURE')
return true
