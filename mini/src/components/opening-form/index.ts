import './index.scss';
export * from './checks';
export { CompanionSection } from './companion-section';
export { PersonSection, type PersonValue } from './person-section';
export { SubmitBar } from './submit-bar';
export { QUEUED_NOTICE, useOpeningSubmit } from './use-opening-submit';
