import { useEffect, useReducer, useRef, useState } from 'react';
import { useDidHide, useDidShow } from '@tarojs/taro';
import { openAlertFeed, type AlertFeed, type FeedState } from '../../../services/alert-feed';
import { alertListReducer, initialAlertList, type StatusFilter } from '../../../services/alert-list-store';
import { announceNewAlert } from '../../../services/notify';
import { loadUnitTree } from '../../../services/police-units';
import { currentSession } from '../../../services/session';

/** The units whose alerts this officer sees; 'ALL' for the squad or when the tree is unavailable. */
function useScope(): ReadonlySet<string> | 'ALL' | null {
  const [units, setUnits] = useState<ReadonlySet<string> | 'ALL' | null>(null);
  useEffect(() => {
    const unitId = currentSession()?.staff.policeUnitId;
    if (!unitId) {
      setUnits('ALL');
      return;
    }
    loadUnitTree().then((tree) => setUnits(tree.subtree(unitId)), () => setUnits('ALL'));
  }, []);
  return units;
}

/** The officer's alert list for one status tab, kept live by the feed. */
export function useAlertList(filter: StatusFilter) {
  const units = useScope();
  const [state, dispatch] = useReducer(alertListReducer, { status: filter, units: 'ALL' }, initialAlertList);
  const [feedState, setFeedState] = useState<FeedState>('connecting');
  const [error, setError] = useState<string | null>(null);
  const feed = useRef<AlertFeed | null>(null);

  useEffect(() => {
    if (units === null) return undefined;
    dispatch({ type: 'view', view: { status: filter, units } });
    setError(null);
    // The server filters by one status; 未办结 and 全部 load every status and the store filters.
    const serverStatus = filter === 'OPEN' || filter === 'ALL' ? undefined : filter;
    const opened = openAlertFeed(serverStatus, {
      onSnapshot: (items) => {
        setError(null);
        dispatch({ type: 'snapshot', items });
      },
      onEvent: (event) => dispatch({ type: 'event', event }),
      onState: setFeedState,
      onError: (caught) => setError(caught.message),
    });
    feed.current = opened;
    return () => {
      opened.close();
      feed.current = null;
    };
  }, [filter, units]);

  useDidHide(() => feed.current?.pause());
  useDidShow(() => feed.current?.resume());

  const arrivals = useRef(0);
  useEffect(() => {
    if (state.arrivals > arrivals.current) announceNewAlert();
    arrivals.current = state.arrivals;
  }, [state.arrivals]);

  return {
    state,
    feedState,
    error,
    refresh: () => feed.current?.refresh() ?? Promise.resolve(),
    markSeen: (id: string) => dispatch({ type: 'seen', id }),
  };
}
