// babel-preset-taro compiles TS/TSX for both builds; under jest (NODE_ENV=test) it emits CommonJS.
module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
      },
    ],
  ],
}
