export default definePageConfig({ navigationBarTitleText: '辖区告警', enablePullDownRefresh: true });
