// The floor of the race: the dashboard page as one hand-written json_agg
// statement (race-sql.mjs) on bare node:http, no GraphQL. POST a JSON body
// {"page": k, "owner": uuid | null, "first": n}; the answer is shaped like
// Tandem's. DATABASE_URL and PORT from the environment.
import { createServer } from 'node:http';
import pg from 'pg';
import { FLOOR_SQL } from './race-sql.mjs';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 20 });
const server = createServer((req, res) => {
  let body = '';
  req.on('data', (c) => (body += c));
  req.on('end', async () => {
    try {
      const { page = 0, owner = null, first = 50 } = JSON.parse(body || '{}');
      // The json column is returned as text, so the answer is written without parsing it again.
      const r = await pool.query({ name: 'floor', text: FLOOR_SQL, values: [owner, page * first, first] });
      res.writeHead(200, { 'content-type': 'application/json' }).end(`{"data":${r.rows[0].data}}`);
    } catch (err) {
      res.writeHead(500, { 'content-type': 'application/json' }).end(JSON.stringify({ errors: [{ message: String(err) }] }));
    }
  });
});
server.listen(Number(process.env.PORT), '127.0.0.1', () => console.log(`floor ready on ${process.env.PORT}`));
process.on('SIGTERM', () => server.close(() => pool.end().then(() => process.exit(0))));
