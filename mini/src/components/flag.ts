// Taro's H5 components are custom elements: React writes `disabled="false"` for `false`, and the
// H5 stylesheet treats any `disabled` attribute as disabled. Pass `true` or nothing at all.
export const flag = (on: boolean): true | undefined => (on ? true : undefined);
