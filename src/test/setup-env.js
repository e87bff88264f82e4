process.env.TARO_ENV = 'h5'
process.env.TARO_PLATFORM = 'web'
// Tests must give the same answers whatever the machine's zone: the domain works in Shanghai time.
if (!process.env.TZ) process.env.TZ = 'UTC'
