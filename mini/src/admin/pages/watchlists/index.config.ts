export default definePageConfig({ navigationBarTitleText: '名单管理' });
