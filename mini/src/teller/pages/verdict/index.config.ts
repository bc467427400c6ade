export default definePageConfig({
  navigationBarTitleText: '研判结果',
  navigationBarTextStyle: 'white',
  navigationBarBackgroundColor: '#07c160',
});
