import { resetTaro } from './stand-ins/taro';

// Components run as in the H5 build, which is also what the browser tests drive.
process.env.TARO_ENV = 'h5';

beforeEach(() => resetTaro());
