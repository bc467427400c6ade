export default definePageConfig({ navigationBarTitleText: '电话卡登记' });
