// An operator command against AWS needs a region (AWS_REGION, or the region of the AWS profile); without one the SDK
// fails inside the first call with a stack of its own. The SDK is asked up front, as it would resolve the region, so
// that a missing one is a configuration problem (exit 2) named in one line, before anything is read or written.
import { UsageError } from '../cli/client.ts';
import { documentClient } from '../../services/lib/aws.ts';

export async function requireAwsRegion(): Promise<void> {
  try {
    await documentClient().config.region();
  } catch {
    throw new UsageError('no AWS region: set AWS_REGION (e.g. AWS_REGION=cn-northwest-1) or a region in the AWS profile');
  }
}
