export default definePageConfig({ navigationBarTitleText: '开户时间线' });
