export * from './purchase-orders';
export * from './supplier-bills';
