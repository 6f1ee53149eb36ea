import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';
import { DeliveredEventType, deliverySchema, isDeliveredEventType } from './webhook-events';

const ajv = new Ajv({ allErrors: true, strict: true, allowUnionTypes: true });
addFormats(ajv);
const validators = new Map<DeliveredEventType, ValidateFunction>();

function validatorOf(type: DeliveredEventType): ValidateFunction {
  let validate = validators.get(type);
  if (!validate) {
    validate = ajv.compile(deliverySchema(type));
    validators.set(type, validate);
  }
  return validate;
}

/**
 * How a delivery body departs from the documented schema of its type, one line per problem
 * (none: it matches). An event type without a schema is a problem of its own.
 */
export function deliveryProblems(body: object): string[] {
  const type = 'type' in body ? body.type : undefined;
  if (typeof type !== 'string' || !isDeliveredEventType(type))
    return [`event type ${JSON.stringify(type)} has no schema`];
  const validate = validatorOf(type);
  if (validate(body)) return [];
  return (validate.errors ?? []).map(
    (error) => `${type}: ${error.instancePath || '/'} ${error.message}`,
  );
}
