import { Button, Text, View } from '@tarojs/components';
import Taro from '@tarojs/taro';
import { idCardOcrAvailable, scanIdCard } from '../../services/id-card-ocr';
import { FieldGroup, TextField } from '../form-field';
import { checkIdField, checkNameField } from './checks';

export interface PersonValue {
  idNumber: string;
  name: string;
}

const SEX = { M: '男', F: '女' } as const;

/** 身份证号 with live validation and what it tells about the customer, then 姓名. */
export function PersonSection({ value, onChange }: { value: PersonValue; onChange: (next: PersonValue) => void }) {
  const id = checkIdField(value.idNumber);
  const name = checkNameField(value.name);
  const scan = async () => {
    try {
      const read = await scanIdCard();
      if (read) onChange({ idNumber: read.idNumber ?? value.idNumber, name: read.name ?? value.name });
    } catch (error) {
      void Taro.showToast({ title: error instanceof Error && error.message ? error.message : '识别失败，请手动输入', icon: 'none' });
    }
  };
  return (
    <FieldGroup title='客户身份'>
      {idCardOcrAvailable() ? (
        <Button className='btn btn--plain' onClick={() => void scan()}>
          拍照识别身份证
        </Button>
      ) : null}
      <TextField
        label='身份证号'
        kind='idcard'
        maxlength={18}
        placeholder='请输入18位身份证号'
        value={value.idNumber}
        onChange={(idNumber) => onChange({ ...value, idNumber })}
        message={{ error: id.error }}
      >
        {id.info ? (
          <View className='person-facts'>
            <Text className='person-facts__item'>年龄 {id.age} 岁</Text>
            <Text className='person-facts__item'>性别 {SEX[id.info.sex]}</Text>
            <Text className='person-facts__item'>
              籍贯 {id.info.regionName}
              {id.info.historicalRegion ? '（旧行政区划）' : ''}
            </Text>
          </View>
        ) : null}
      </TextField>
      <TextField
        label='姓名'
        placeholder='与身份证一致'
        value={value.name}
        onChange={(nameInput) => onChange({ ...value, name: nameInput })}
        message={{ error: name.error }}
      />
    </FieldGroup>
  );
}
