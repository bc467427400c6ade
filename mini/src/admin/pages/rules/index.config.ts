export default definePageConfig({ navigationBarTitleText: '研判规则' });
