#!/usr/bin/env node
// CustomerDashboard benchmark (not a test): embedded PostgreSQL, one gateway
// (a child process), a seeded book of customers with contacts, orders and
// invoices, then C concurrent clients sending the dashboard query for D seconds.
// Prints throughput, latency percentiles and the gateway's memory.
//
//   npm run bench:dashboard -- [--customers 200] [--first 50] [--clients 16] [--seconds 10]
import { arg, DASHBOARD, percentile as pct, rssKiB, startBenchGateway } from './harness.mjs';

const CUSTOMERS = arg('customers', 200);
const FIRST = arg('first', 50);
const CLIENTS = arg('clients', 16);
const SECONDS = arg('seconds', 10);
const rssMiB = async (pid) => (await rssKiB(pid)) / 1024;

const { gql, admin, pid, stop } = await startBenchGateway();

try {
  const product = (
    await gql('mutation($i:CreateProductInput!){createProduct(input:$i){product{id}}}', { i: { sku: 'BENCH', name: 'Bench', unitPrice: '12.50', taxRate: '0.2', initialStock: 1000000 } }, admin)
  ).createProduct.product.id;
  for (let i = 0; i < CUSTOMERS; i++) {
    const c = (await gql('mutation($i:CreateCustomerInput!){createCustomer(input:$i){customer{id}}}', { i: { name: `Bench Customer ${String(i).padStart(4, '0')}` } }, admin)).createCustomer.customer
      .id;
    for (const n of [1, 2])
      await gql(
        'mutation($i:CreateContactInput!){createContact(input:$i){contact{id}}}',
        { i: { customerId: c, firstName: `First${n}`, lastName: `Last${i}`, email: `c${i}.${n}@bench.example` } },
        admin,
      );
    for (let k = 0; k < 3; k++) {
      const o = (await gql('mutation($i:CreateOrderInput!){createOrder(input:$i){order{id}}}', { i: { customerId: c, lines: [{ productId: product, quantity: k + 1 }] } }, admin)).createOrder.order.id;
      await gql('mutation($id:ID!){confirmOrder(id:$id){order{id}}}', { id: o }, admin);
      if (k > 0) {
        await gql('mutation($id:ID!){shipOrder(id:$id){order{id}}}', { id: o }, admin);
        await gql('mutation($id:ID!){invoiceOrder(orderId:$id){invoice{id}}}', { id: o }, admin);
      }
    }
  }
  const rssBefore = await rssMiB(pid);
  const latencies = [];
  const end = performance.now() + SECONDS * 1000;
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      let after = null;
      while (performance.now() < end) {
        const t0 = performance.now();
        const d = await gql(DASHBOARD, { first: FIRST, after }, admin);
        latencies.push(performance.now() - t0);
        after = d.customers.pageInfo.hasNextPage ? d.customers.pageInfo.endCursor : null;
      }
    }),
  );
  const rssAfter = await rssMiB(pid);
  latencies.sort((a, b) => a - b);
  console.log(JSON.stringify({ customers: CUSTOMERS, first: FIRST, clients: CLIENTS, seconds: SECONDS, requests: latencies.length }));
  console.log(`throughput   ${(latencies.length / SECONDS).toFixed(1)} dashboard pages/s`);
  console.log(`latency      p50 ${pct(latencies, 50).toFixed(1)} ms   p99 ${pct(latencies, 99).toFixed(1)} ms`);
  console.log(`gateway RSS  ${rssBefore.toFixed(0)} MiB before, ${rssAfter.toFixed(0)} MiB after the run`);
} finally {
  await stop();
}
