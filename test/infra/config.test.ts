/**
 * The deployment configuration: context first, AMPARO_* variables second, every key validated
 * and named when wrong, defaults derived where they can be.
 */
import { describe, expect, it } from 'vitest';
import { exampleKeys, InfraConfigError, infraConfig } from '../../infra/config';

const fromContext = (context: Record<string, unknown>) => (key: string) => context[key];

describe('infraConfig', () => {
  it('takes context before the environment, and derives the SES identity from the sender', () => {
    const config = infraConfig(fromContext({ senderAddress: 'intake@firm.example' }), {
      AMPARO_SENDER_ADDRESS: 'other@elsewhere.example',
      AMPARO_ALLOWED_ORIGINS: 'https://www.firm.example, https://firm.example',
      AMPARO_LOG_RETENTION_DAYS: '90',
    });
    expect(config.senderAddress).toBe('intake@firm.example');
    expect(config.sesIdentity).toBe('firm.example');
    expect(config.allowedOrigins).toEqual(['https://www.firm.example', 'https://firm.example']);
    expect(config.logRetentionDays).toBe(90);
  });

  it('accepts the origins as a list in cdk.json', () => {
    const config = infraConfig(fromContext({ allowedOrigins: ['https://a.example'] }), {});
    expect(config.allowedOrigins).toEqual(['https://a.example']);
  });

  it('names every bad key and where to set it', () => {
    const bad = () =>
      infraConfig(
        fromContext({ allowedOrigins: 'http://insecure.example/path', alarmEmail: 'nobody' }),
        { AMPARO_LOG_RETENTION_DAYS: '45' },
      );
    expect(bad).toThrow(InfraConfigError);
    expect(bad).toThrow(/allowedOrigins \(context, AMPARO_ALLOWED_ORIGINS or firm\/deploy.json\)/);
    expect(bad).toThrow(/alarmEmail \(context, AMPARO_ALARM_EMAIL or firm\/deploy.json\)/);
    expect(bad).toThrow(/logRetentionDays/);
  });

  it('sends texts only with the account, the number and the API key together', () => {
    const account = { twilioAccountSid: `AC${'1'.repeat(32)}`, twilioFromNumber: '+12135550142' };
    expect(() => infraConfig(fromContext(account), {})).toThrow(/twilioApiKeySid/);
    expect(() => infraConfig(fromContext({ twilioApiKeySid: `SK${'2'.repeat(32)}` }), {})).toThrow(
      /twilioAccountSid[\s\S]*twilioFromNumber/,
    );
    const all = infraConfig(
      fromContext({ ...account, twilioApiKeySid: `SK${'2'.repeat(32)}` }),
      {},
    );
    expect(all.twilioApiKeySid).toBe(`SK${'2'.repeat(32)}`);
    expect(infraConfig(fromContext({}), {}).twilioApiKeySid).toBeUndefined();
  });

  it('lists the example values still in use', () => {
    expect(exampleKeys(infraConfig(fromContext({}), {}))).toEqual([
      'senderAddress',
      'alarmEmail',
      'allowedOrigins',
    ]);
    const real = infraConfig(
      fromContext({
        senderAddress: 'intake@firm.example',
        alarmEmail: 'it@firm.example',
        allowedOrigins: 'https://firm.example',
      }),
      {},
    );
    expect(exampleKeys(real)).toEqual([]);
  });
});
