import { describe, expect, it } from 'vitest';
import { dotnetCamelCase, readContracts } from './csharp-contracts';
import { deriveSchemas } from './derive-schemas';

describe('reading the reference C#', () => {
  const file = `
namespace XFS4IoT.Sample.Completions
{
    [DataContract]
    [XFS4Version(Version = "3.1")]
    [Completion(Name = "Sample.Thing")]
    public sealed class ThingCompletion : Completion<ThingCompletion.PayloadData>
    {
        public ThingCompletion(int RequestId, ThingCompletion.PayloadData Payload)
            : base(RequestId, Payload)
        { }

        [DataContract]
        public sealed class PayloadData : MessagePayload
        {
            public PayloadData(ErrorCodeEnum? ErrorCode = null, List<byte> Data = null)
                : base()
            {
                this.ErrorCode = ErrorCode;
            }

            public enum ErrorCodeEnum
            {
                MediaJam,
                ISO0,
                Ok = 3
            }

            /// <summary>
            /// Why it failed.
            /// </summary>
            [DataMember(Name = "errorCode")]
            public ErrorCodeEnum? ErrorCode { get; init; }

            [DataMember(Name = "data")]
            [JsonConverter(typeof(Base64Converter))]
            public List<byte> Data { get; init; }

            [DataMember(Name = "parts")]
            public Dictionary<string, List<int>> Parts { get; init; }
        }
    }
}`;

  it('finds properties by their JSON names, enums, and the message attributes', () => {
    const contracts = readContracts([{ path: 'Sample/Completions/Thing_g.cs', text: file }]);
    const payload = contracts.classes.get('XFS4IoT.Sample.Completions.ThingCompletion.PayloadData');
    expect(payload?.properties).toEqual({
      errorCode: 'ErrorCodeEnum?',
      data: 'List<byte>',
      parts: 'Dictionary<string, List<int>>',
    });
    expect(contracts.classes.get('XFS4IoT.Sample.Completions.ThingCompletion')?.message).toEqual({
      kind: 'completion',
      name: 'Sample.Thing',
      version: '3.1',
    });
    expect(
      contracts.enums.get('XFS4IoT.Sample.Completions.ThingCompletion.PayloadData.ErrorCodeEnum')
        ?.members,
    ).toEqual(['MediaJam', 'ISO0', 'Ok']);
  });

  it("serialises enum names as System.Text.Json's camel-case policy does", () => {
    expect(['MediaJam', 'ISO0', 'Ok', 'URL', 'Iso4', 'chip'].map(dotnetCamelCase)).toEqual([
      'mediaJam',
      'isO0',
      'ok',
      'url',
      'iso4',
      'chip',
    ]);
  });

  it('refuses a catalog message the reference lacks, by name', () => {
    expect(() =>
      deriveSchemas([{ path: 'Sample/Completions/Thing_g.cs', text: file }], {
        repository: 'sample',
        commit: '0',
      }),
    ).toThrow(/not in the reference: command ServicePublisher.GetServices/);
  });
});
