import Fastify from 'fastify';

// The baseline: the fastest HTTP answer this machine gives, measured in the same run as the
// openings so that the ratio between the two survives a noisy or slower machine.
const app = Fastify({ logger: false });
app.get('/', async () => ({ hello: 'world' }));
app.listen({ port: Number(process.env.PORT ?? 0), host: '127.0.0.1' }).then((address) => {
  process.stdout.write(`listening ${address}\n`);
});
