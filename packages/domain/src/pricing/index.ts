export { priceLine, documentTotals, validateLine, priceOrderLines, validateProductPricing, type LineToPrice, type PricedLine, type PricedDocument } from './line-pricing';
