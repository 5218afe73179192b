export { priceLine, documentTotals, validateLine, priceOrderLines, type LineToPrice, type PricedLine, type PricedDocument } from './line-pricing';
