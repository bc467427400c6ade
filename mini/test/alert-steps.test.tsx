import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import type { AlertStatus, Role } from '@duanka/shared';
import { AlertSteps } from '../src/police/pages/alert/alert-steps';
import { unitTree } from '../src/services/police-units';
import { saveSession } from '../src/services/session';
import { alertView, loginResponse, policeUnits, UNITS } from './factories';
import { answerWith, Taro } from './stand-ins/taro';

const tree = unitTree(policeUnits());

function renderSteps(status: AlertStatus, role: Role = 'POLICE_OFFICER', unitId: string = UNITS.nangang, onChanged = jest.fn()) {
  const alert = alertView({ status });
  render(<AlertSteps alert={alert} role={role} unitId={unitId} tree={tree} onChanged={onChanged} />);
  return { alert, onChanged };
}

const buttons = () => screen.queryAllByRole('button').map((b) => b.textContent);

beforeEach(() => saveSession(loginResponse({}, { role: 'POLICE_OFFICER', policeUnitId: UNITS.nangang })));

describe('closed-loop buttons', () => {
  it.each<[AlertStatus, Role, string[]]>([
    ['NEW', 'POLICE_OFFICER', ['签收', '指派下级', '上报上级']],
    ['ACCEPTED', 'POLICE_OFFICER', ['开始核查', '登记处置结果', '指派下级', '上报上级']],
    ['IN_PROGRESS', 'POLICE_OFFICER', ['登记处置结果', '指派下级', '上报上级']],
    ['DISPOSED', 'POLICE_OFFICER', []],
    ['DISPOSED', 'SQUAD_ADMIN', ['确认办结', '退回重办']],
    ['CLOSED', 'SQUAD_ADMIN', []],
  ])('%s, %s: %j', (status, role, expected) => {
    renderSteps(status, role, role === 'SQUAD_ADMIN' ? UNITS.city : UNITS.nangang);
    expect(buttons()).toEqual(expected);
    if (expected.length === 0) expect(screen.queryByText('处置操作')).toBeNull();
  });

  it('offers no assignment to an officer with no unit below, and no escalation at the top of the tree', () => {
    render(<AlertSteps alert={alertView({ status: 'NEW' })} role='POLICE_OFFICER' unitId={UNITS.station} tree={tree} onChanged={jest.fn()} />);
    expect(buttons()).toEqual(['签收', '上报上级']);
  });

  it('accepts with an optional note and reports back', async () => {
    const { alert, onChanged } = renderSteps('NEW');
    fireEvent.click(screen.getByRole('button', { name: '签收' }));
    answerWith(200, { ...alert, status: 'ACCEPTED' });
    fireEvent.click(await screen.findByRole('button', { name: '确认签收' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith('已签收'));
    expect(Taro.request).toHaveBeenCalledWith(expect.objectContaining({ url: `/api/alerts/${alert.id}/accept`, method: 'POST', data: {} }));
  });

  it('disposes only once a disposition and a conclusion are chosen', async () => {
    const { alert, onChanged } = renderSteps('IN_PROGRESS');
    fireEvent.click(screen.getByRole('button', { name: '登记处置结果' }));
    const sheet = await screen.findByRole('dialog');
    const submit = within(sheet).getByRole('button', { name: '提交处置结果' }) as HTMLButtonElement;
    expect(submit.disabled).toBe(true);
    fireEvent.click(within(sheet).getByText('已警示劝导'));
    expect(submit.disabled).toBe(true);
    fireEvent.click(within(sheet).getByText('确有风险'));
    expect(submit.disabled).toBe(false);
    fireEvent.change(within(sheet).getByPlaceholderText(/已电话联系本人/), { target: { value: '已约谈本人' } });

    answerWith(200, { ...alert, status: 'DISPOSED' });
    fireEvent.click(submit);
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith('已登记处置结果'));
    expect(Taro.request).toHaveBeenCalledWith(
      expect.objectContaining({
        url: `/api/alerts/${alert.id}/dispose`,
        data: { disposition: 'WARNED', label: 'TRUE_POSITIVE', note: '已约谈本人' },
      }),
    );
  });

  it('needs a reason to escalate', async () => {
    renderSteps('NEW');
    fireEvent.click(screen.getByRole('button', { name: '上报上级' }));
    const confirm = (await screen.findByRole('button', { name: '确认上报' })) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(screen.getByPlaceholderText('请填写上报原因'), { target: { value: '涉及多个辖区' } });
    expect(confirm.disabled).toBe(false);
  });

  it('assigns to a unit below, picked from the tree', async () => {
    const { alert, onChanged } = renderSteps('NEW');
    fireEvent.click(screen.getByRole('button', { name: '指派下级' }));
    const sheet = await screen.findByRole('dialog');
    expect(within(sheet).queryByText('道里分局')).toBeNull();
    fireEvent.click(within(sheet).getByText('南岗分局花园街派出所'));
    answerWith(200, alert);
    fireEvent.click(within(sheet).getByRole('button', { name: '确认指派' }));
    await waitFor(() => expect(onChanged).toHaveBeenCalledWith('已指派'));
    expect(Taro.request).toHaveBeenCalledWith(expect.objectContaining({ url: `/api/alerts/${alert.id}/assign`, data: { unitId: UNITS.station } }));
  });

  it('shows the server’s message when someone else moved the alert first, and reloads it', async () => {
    const { onChanged } = renderSteps('NEW');
    fireEvent.click(screen.getByRole('button', { name: '签收' }));
    answerWith(409, { statusCode: 409, code: 'ILLEGAL_TRANSITION', message: '告警当前为“已签收”，不能签收' });
    fireEvent.click(await screen.findByRole('button', { name: '确认签收' }));
    expect((await screen.findByRole('alert')).textContent).toBe('告警当前为“已签收”，不能签收');
    expect(onChanged).toHaveBeenCalledWith();
  });
});
