// Main package: only the login page. Each area is a subpackage so the main package stays far
// below WeChat's 2 MB limit; `npm run build:weapp` prints its size.
export default defineAppConfig({
  pages: ['pages/login/index'],
  subPackages: [
    {
      root: 'teller',
      pages: ['pages/home/index', 'pages/bank/index', 'pages/sim/index', 'pages/verdict/index', 'pages/queue/index'],
    },
    { root: 'police', pages: ['pages/home/index', 'pages/alert/index', 'pages/person/index'] },
    { root: 'dashboard', pages: ['pages/index/index'] },
    { root: 'admin', pages: ['pages/home/index', 'pages/rules/index', 'pages/rule/index', 'pages/watchlists/index', 'pages/staff/index', 'pages/audit/index'] },
  ],
  preloadRule: {
    'pages/login/index': { network: 'all', packages: ['teller', 'police'] },
  },
  window: {
    backgroundTextStyle: 'dark',
    navigationBarBackgroundColor: '#ededed',
    navigationBarTitleText: '断卡精灵',
    navigationBarTextStyle: 'black',
    backgroundColor: '#ededed',
  },
});
