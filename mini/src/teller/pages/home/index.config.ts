export default definePageConfig({ navigationBarTitleText: '柜员首页', enablePullDownRefresh: true });
