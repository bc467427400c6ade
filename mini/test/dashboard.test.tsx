import { fireEvent, render, screen, within } from '@testing-library/react';
import { DashboardPage } from '../src/dashboard/pages/index';
import { DashboardView } from '../src/dashboard/pages/index/dashboard-view';
import { saveSession } from '../src/services/session';
import { loginResponse, statsOverview } from './factories';
import { answerWith, Taro } from './stand-ins/taro';

/** The tile whose caption is `label`, as the squad reads it: its big number. */
function tile(label: string): string {
  const caption = screen.getByText(label, { selector: '.tile__label' });
  return caption.closest('.tile')!.querySelector('.tile__value')!.textContent ?? '';
}

describe('squad dashboard', () => {
  it("shows today's numbers as tiles", () => {
    render(<DashboardView overview={statsOverview()} />);
    expect(tile('今日登记')).toBe('98');
    expect(screen.getByText('银行 53 · 电话卡 45')).toBeTruthy();
    expect(tile('通过')).toBe('91');
    expect(tile('需核实')).toBe('3');
    expect(tile('停止办理')).toBe('4');
    expect(tile('拒绝办理')).toBe('2');
    expect(tile('新增告警')).toBe('7');
  });

  it('shows the closed loop: rate, median times, overdue, and alerts by state', () => {
    render(<DashboardView overview={statsOverview()} />);
    expect(tile('告警总数')).toBe('13');
    expect(tile('闭环率')).toBe('23.1%');
    expect(tile('签收用时中位数')).toBe('13 分钟');
    expect(tile('办结用时中位数')).toBe('5.3 小时');
    expect(tile('超时未处理')).toBe('2');
    expect(screen.getByText('超时未处理', { selector: '.tile__label' }).closest('.tile')!.className).toContain('tile--danger');
    const states = document.querySelector('.states') as HTMLElement;
    expect(within(states).getByText('待签收').previousSibling?.textContent).toBe('6');
    expect(within(states).getByText('已办结').previousSibling?.textContent).toBe('3');
  });

  it('draws the trend with one column per day, scaled to the busiest day', () => {
    render(<DashboardView overview={statsOverview()} />);
    const chart = screen.getByText('每日开户').closest('.chart') as HTMLElement;
    const columns = chart.querySelectorAll('.chart__stack');
    expect(columns).toHaveLength(3);
    // 27 Nov: 69 + 32 = 101 is the maximum; 28 Nov: 98 of 101.
    expect((columns[1] as HTMLElement).style.height).toBe('100%');
    expect((columns[2] as HTMLElement).style.height).toBe('97%');
    expect(within(chart).getByText('11-26')).toBeTruthy();
    expect(within(chart).getByText('11-28')).toBeTruthy();
  });

  it('ranks alerts by rule with the confirmed rate, and districts by openings', () => {
    render(<DashboardView overview={statsOverview()} />);
    const rules = screen.getByText('告警按规则').closest('.section') as HTMLElement;
    const rows = rules.querySelectorAll('.bars__row');
    expect(rows).toHaveLength(2);
    expect(within(rows[0] as HTMLElement).getByText('同一银行重复开立I类户')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('4')).toBeTruthy();
    expect(within(rows[0] as HTMLElement).getByText('已核查 3 条，属实率 66.7%')).toBeTruthy();
    expect(within(rows[1] as HTMLElement).getByText('尚无核查结论')).toBeTruthy();

    const districts = screen.getByText('按辖区（开户量）').closest('.section') as HTMLElement;
    const names = Array.from(districts.querySelectorAll('.bars__label')).map((n) => n.textContent);
    expect(names).toEqual(['南岗区', '道里区']);
  });

  it('shows the six busiest districts first and the rest on request', () => {
    const names = ['道里区', '南岗区', '道外区', '平房区', '松北区', '香坊区', '呼兰区', '阿城区'];
    const byDistrict = names.map((name, i) => ({ district: `2301${String(i).padStart(2, '0')}`, name: `黑龙江省哈尔滨市${name}`, openings: 100 - i, stop: 0, alerts: 0 }));
    render(<DashboardView overview={statsOverview({ byDistrict })} />);
    const section = screen.getByText('按辖区（开户量）').closest('.section') as HTMLElement;
    expect(section.querySelectorAll('.bars__row')).toHaveLength(6);
    fireEvent.click(within(section).getByText('展开全部 8 个辖区'));
    expect(section.querySelectorAll('.bars__row')).toHaveLength(8);
    expect(within(section).getByText('阿城区')).toBeTruthy();
  });

  it('shows a dash, not NaN, when there is nothing to measure yet', () => {
    const empty = statsOverview();
    empty.alerts = { ...empty.alerts, total: 0, closedLoopRate: null, medianMinutesToAccept: null, medianHoursToClose: null, byRule: [] };
    render(<DashboardView overview={empty} />);
    expect(tile('闭环率')).toBe('—');
    expect(tile('签收用时中位数')).toBe('—');
    expect(screen.getByText('期间没有告警')).toBeTruthy();
  });

  it('says how quickly a fast squad works instead of rounding it to zero', () => {
    const fast = statsOverview();
    fast.alerts = { ...fast.alerts, medianMinutesToAccept: 0.4, medianHoursToClose: 0.05 };
    render(<DashboardView overview={fast} />);
    expect(tile('签收用时中位数')).toBe('不到 1 分钟');
    expect(tile('办结用时中位数')).toBe('3 分钟');
  });

  it('loads 30 days for the squad and offers the CSV exports in the browser', async () => {
    saveSession(loginResponse({}, { role: 'SQUAD_ADMIN' }));
    answerWith(200, statsOverview());
    render(<DashboardPage />);
    expect(await screen.findByText('逐日统计.csv')).toBeTruthy();
    expect(screen.getByText('全市统计')).toBeTruthy();
    expect(Taro.request).toHaveBeenCalledWith(expect.objectContaining({ url: '/api/stats/overview?days=30', method: 'GET' }));
    expect(screen.getByText('按规则.csv')).toBeTruthy();
  });
});
