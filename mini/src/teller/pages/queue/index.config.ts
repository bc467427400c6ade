export default definePageConfig({ navigationBarTitleText: '离线待发送' });
